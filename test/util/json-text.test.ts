// Where a JSON text stops being JSON, for the messages V8 gives without a position ("Unexpected token ',', … is not
// valid JSON"): rows for each way a text can break, and a differential property against V8 for the messages that do
// carry one (both must name the same character).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntaxErrorIndex } from "../../packages/runtime/src/json-syntax.ts";
import { parseJsonText } from "../../packages/tools/src/util/json-text.ts";

const rows: [string, { given: string; want: { index: number; line: number; column: number } }][] = [
  ["a comma where a value belongs", { given: '{"contents": [,]}', want: { index: 14, line: 1, column: 15 } }],
  ["a leading comma in an object", { given: "{,}", want: { index: 1, line: 1, column: 2 } }],
  ["a broken literal", { given: '{\n  "a": tru}', want: { index: 12, line: 2, column: 11 } }],
  ["text that is no JSON", { given: "hello", want: { index: 0, line: 1, column: 1 } }],
  ["an HTML page after white space", { given: "\n  <html>", want: { index: 3, line: 2, column: 3 } }],
  ["a bad escape", { given: '{"a": "x\\q"}', want: { index: 9, line: 1, column: 10 } }],
  ["a bad unicode escape", { given: '["\\u12G4"]', want: { index: 6, line: 1, column: 7 } }],
  ["two values side by side in an array", { given: "[1 2]", want: { index: 3, line: 1, column: 4 } }],
  ["a trailing comma", { given: "[1,]", want: { index: 3, line: 1, column: 4 } }],
  ["text cut short", { given: '{"a": 1', want: { index: 7, line: 1, column: 8 } }],
  ["a literal cut short", { given: '{"a": nul', want: { index: 9, line: 1, column: 10 } }],
];

describe("syntaxErrorIndex and parseJsonText: the first character that is not JSON", () => {
  it.each(rows)("%s", (_name, { given, want }) => {
    expect(syntaxErrorIndex(given)).toBe(want.index);
    const parsed = parseJsonText(given, "f.json");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.index).toBe(want.index);
    expect({ line: parsed.diagnostic.location.line, column: parsed.diagnostic.location.column }).toEqual({
      line: want.line,
      column: want.column,
    });
  });

  it("agrees with V8 wherever V8 gives a position", () => {
    // Valid JSON texts with one character replaced, dropped or added: most break, and V8 names a position for many.
    const broken = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom(...',:[]{}"\\ -0e.tfn1x'.split("")),
        fc.constantFrom("replace", "drop", "insert"),
      )
      .map(([text, at, c, how]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        return how === "replace"
          ? text.slice(0, i) + c + text.slice(i + 1)
          : how === "drop"
            ? text.slice(0, i) + text.slice(i + 1)
            : text.slice(0, i) + c + text.slice(i);
      });
    let compared = 0;
    fc.assert(
      fc.property(broken, (text) => {
        let message: string | undefined;
        try {
          JSON.parse(text);
        } catch (e) {
          message = (e as Error).message;
        }
        if (message === undefined) return;
        const position = /position (\d+)/.exec(message);
        if (!position) return;
        compared++;
        expect(syntaxErrorIndex(text), `${JSON.stringify(text)}: ${message}`).toBe(Number(position[1]));
      }),
      { numRuns: 2000 },
    );
    expect(compared).toBeGreaterThan(200);
  });
});
