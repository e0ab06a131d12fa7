// Type-level checks of packages/runtime/generated/types.ts: type-checks.ts compiles, each of its @ts-expect-error lines is an error
// on its own, and the editor experience holds — hover shows a oneof member's JSDoc, autocomplete offers the oneof
// members and an open enum's known values.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ts } from "ts-morph";
import { createProject, typeCheck } from "./types-support.ts";

const TYPES = readFileSync("packages/runtime/generated/types.ts", "utf8");
const CHECKS = readFileSync("test/generate/type-checks.ts", "utf8");
const EXPECT_ERROR = "// @ts-expect-error";

const files = (checks: string) => ({
  "packages/runtime/generated/types.ts": TYPES,
  "test/generate/type-checks.ts": checks,
});

describe("type-checks.ts against generated/types.ts", () => {
  it("compiles: every @ts-expect-error is used, every other line is valid", () => {
    expect(typeCheck(files(CHECKS))).toEqual([]);
  });

  it("fails on exactly the lines after each @ts-expect-error once the markers are removed", () => {
    const lines = CHECKS.split("\n");
    const expectedLines = lines.flatMap((line, i) => (line.trim().startsWith(EXPECT_ERROR) ? [i + 2] : []));
    expect(expectedLines.length).toBeGreaterThanOrEqual(10);
    const stripped = lines.map((line) => (line.trim().startsWith(EXPECT_ERROR) ? "" : line)).join("\n");
    const errorLines = typeCheck(files(stripped)).map((d) => Number(/^type-checks\.ts:(\d+):/.exec(d)?.[1]));
    expect([...new Set(errorLines)].sort((a, b) => a - b)).toEqual(expectedLines);
  });
});

describe("editor experience", () => {
  const source = `import type { Candidate, Part, SafetySetting } from "./generated/types.ts";
declare const part: Part<"response">;
export const text = part.text;
export const draft: Part = {  };
export const candidate: Candidate = { finishReason: "" };
export const setting: SafetySetting = { category: "HARM_CATEGORY_HARASSMENT", threshold: "" };
`;
  const project = createProject({ "generated/types.ts": TYPES, "probe.ts": source });
  const service = project.getLanguageService().compilerObject;
  const at = (marker: string, offset = marker.length) => source.indexOf(marker) + offset;
  const completions = (pos: number) =>
    service.getCompletionsAtPosition("/probe.ts", pos, {})?.entries.map((e) => e.name) ?? [];

  it("hover on a oneof member shows its JSDoc", () => {
    const info = service.getQuickInfoAtPosition("/probe.ts", at("part.text", 6));
    expect(ts.displayPartsToString(info?.displayParts)).toContain("text?: string");
    expect(ts.displayPartsToString(info?.documentation)).toBe("Plain text content.");
  });

  it("autocomplete in a Part literal offers base fields and every oneof member, with their JSDoc", () => {
    const pos = at("draft: Part = { ");
    expect(completions(pos)).toEqual(
      expect.arrayContaining(["text", "inlineData", "functionCall", "thought", "videoMetadata"]),
    );
    const details = service.getCompletionEntryDetails("/probe.ts", pos, "inlineData", {}, undefined, {}, undefined);
    expect(ts.displayPartsToString(details?.documentation)).toMatch(/base64/);
  });

  it("autocomplete offers the known values of an open response enum", () => {
    expect(completions(at('finishReason: "'))).toEqual(expect.arrayContaining(["STOP", "MAX_TOKENS", "SAFETY"]));
  });

  it("autocomplete offers the values of a closed request enum", () => {
    expect(completions(at('threshold: "'))).toEqual(expect.arrayContaining(["BLOCK_ONLY_HIGH", "BLOCK_NONE"]));
  });
});
