// The vocabulary of the validator schemas (packages/runtime/src/vocabulary/): the README's keyword table agrees with
// the family modules and the issue codes their builders give, and the code builder the compile steps write with
// escapes what it interpolates. The families' semantics are held to ajv by test/runtime/reference.test.ts (the checks)
// and test/runtime/fast-path.test.ts (the compiled checkers).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { block, id, indented, joined, js, lines } from "../../packages/runtime/src/vocabulary/code.ts";
import { issueOf } from "../../packages/runtime/src/vocabulary/issues.ts";
import type { Violation, ViolationKind } from "../../packages/runtime/src/vocabulary/violations.ts";
import { typeIssues } from "../../packages/runtime/src/vocabulary/json-types.ts";
import { rangeIssues } from "../../packages/runtime/src/vocabulary/scalars.ts";
import { stringIssues } from "../../packages/runtime/src/vocabulary/strings.ts";
import { objectIssues } from "../../packages/runtime/src/vocabulary/objects.ts";
import { anyTypeIssues } from "../../packages/runtime/src/vocabulary/any-types.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

const VOCABULARY = join(PROJECT_ROOT, "packages/runtime/src/vocabulary");

/** Each family module's issue builders, by module. */
const BUILDERS_BY_MODULE: Record<string, object> = {
  "json-types.ts": typeIssues,
  "scalars.ts": rangeIssues,
  "strings.ts": stringIssues,
  "objects.ts": objectIssues,
  "any-types.ts": anyTypeIssues,
};

/** One violation of each kind (a Record: a new kind needs a row). */
const SAMPLES: { [K in ViolationKind]: Extract<Violation, { kind: K }> } = {
  type: { kind: "type", path: "/text", type: "string" },
  minimum: { kind: "minimum", path: "/n", limit: 0 },
  maximum: { kind: "maximum", path: "/n", limit: 9 },
  enum: { kind: "enum", path: "/e", values: ["A"] },
  const: { kind: "const", path: "/c", value: "x" },
  pattern: { kind: "pattern", path: "/p", pattern: "^a$" },
  bytes: { kind: "bytes", path: "/b" },
  required: { kind: "required", path: "", property: "r" },
  "unknown-field": { kind: "unknown-field", path: "", property: "u" },
  oneof: { kind: "oneof", path: "", member: "text", other: "inlineData" },
  branch: { kind: "branch", path: "", index: 0 },
};

interface Row {
  module: string;
  /** Violation kind → issue code. */
  issues: Map<string, string>;
}

function readmeTable(): Row[] {
  const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8").split("\n");
  const start = readme.findIndex((line) => line.startsWith("| Family | Module |"));
  expect(start, "the README's keyword table").toBeGreaterThan(0);
  const rows: Row[] = [];
  for (const line of readme.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const [, , module, , violations] = line.split("|").map((cell) => cell.trim());
    const issues = new Map<string, string>();
    for (const part of violations!.split(";")) {
      const arrow = /^(.*)→ `([\w-]+)`$/.exec(part.trim());
      if (!arrow) continue; // "—": no violation of its own
      for (const [, kind] of arrow[1]!.matchAll(/`([\w-]+)`/g)) issues.set(kind!, arrow[2]!);
    }
    rows.push({ module: module!.replace(/`/g, ""), issues });
  }
  return rows;
}

describe("the README's keyword table", () => {
  const rows = readmeTable();

  it("lists every family module: each module with a reference check or issue builders", () => {
    const families = readdirSync(VOCABULARY).filter((file) =>
      /export const (check\w+: Check<|\w+Issues: IssueBuilders<)/.test(readFileSync(join(VOCABULARY, file), "utf8")),
    );
    expect(families.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.module).sort()).toEqual(families.sort());
  });

  it("names for each module the violation kinds its builders handle", () => {
    for (const row of rows)
      expect([...row.issues.keys()].sort(), row.module).toEqual(
        Object.keys(BUILDERS_BY_MODULE[row.module] ?? {}).sort(),
      );
  });

  it("gives the issue code each builder makes", () => {
    const listed = new Map(rows.flatMap((row) => [...row.issues]));
    for (const violation of Object.values(SAMPLES)) {
      const issue = issueOf(violation, {
        pointer: violation.path,
        place: { resource: "Part" },
        received: 1,
        resource: "Part",
        value: {},
      });
      expect(issue.code, violation.kind).toBe(listed.get(violation.kind));
      expect(issue.message, violation.kind).not.toBe("");
    }
  });
});

describe("the code builder", () => {
  const CASES: [string, { given: () => string; want: string }][] = [
    ["a string is a JSON literal", { given: () => js`f(${'a"b\n'})`.text, want: 'f("a\\"b\\n")' }],
    [
      "spec text cannot become code",
      { given: () => js`case ${"x: return 1; //"}:`.text, want: 'case "x: return 1; //":' },
    ],
    [
      "numbers, booleans and null as written",
      { given: () => js`[${1.5}, ${-2}, ${true}, ${null}]`.text, want: "[1.5, -2, true, null]" },
    ],
    ["Code is pasted as it is", { given: () => js`${id("$r_", "Part")}(d)`.text, want: "$r_Part(d)" }],
    [
      "blocks indent their bodies",
      {
        given: () => block(js`if (a)`, [js`b();`, lines([js`c();`, js`d();`])]).text,
        want: "if (a) {\n  b();\n  c();\n  d();\n}",
      },
    ],
    ["indented bodies", { given: () => indented([js`x;`, js`y;`]).text, want: "  x;\n  y;" }],
    ["joined parts", { given: () => joined([js`a`, js`b`], " || ").text, want: "a || b" }],
  ];
  it.each(CASES)("%s", (_, { given, want }) => expect(given()).toBe(want));

  const REFUSED: [string, { given: () => unknown; want: RegExp }][] = [
    ["an identifier that is not one", { given: () => id("$r_", "a-b"), want: /is not an identifier/ }],
    ["a number with no literal", { given: () => js`${Infinity}`, want: /has no JavaScript literal/ }],
    ["anything else", { given: () => js`${{} as unknown as string}`, want: /cannot interpolate object/ }],
  ];
  it.each(REFUSED)("refuses %s", (_, { given, want }) => expect(given).toThrow(want));
});
