// The linter on schemas as other tools emit them (fixtures/*.json, each modelled on one tool's output format) and on
// whole GenerationConfig objects (under JSON or proto field names). Findings are compared by rule id, severity and
// JSON Pointer.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  lintSchema,
  RULE_DEFINITIONS,
  type Dialect,
  type Target,
} from "../../packages/tools/src/response-schema/index.ts";
import { readJson } from "../converter/harness.ts";

interface Fixture {
  comment: string;
  dialect?: Dialect;
  target?: Target;
  input: unknown;
  expect: { code: string; severity: string; pointer: string }[];
}

const dir = join(import.meta.dirname, "fixtures");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("lintSchema on other tools' output", () => {
  it.each(files)("%s", (file) => {
    const f = readJson(join(dir, file)) as Fixture;
    const findings = lintSchema(f.input, {
      ...(f.dialect ? { dialect: f.dialect } : {}),
      ...(f.target ? { target: f.target } : {}),
      file,
    });
    expect(findings.map((d) => ({ code: d.code, severity: d.severity, pointer: d.location.pointer }))).toEqual(
      f.expect,
    );
    for (const d of findings) {
      expect(d.location.file).toBe(file);
      expect(d.hint, `${d.code} has a fix hint`).toBeTruthy();
    }
  });
});

describe("lintSchema details", () => {
  it("names the cycle in the message", () => {
    const [d] = lintSchema({
      $defs: {
        A: { type: "object", properties: { b: { $ref: "#/$defs/B" } }, required: ["b"] },
        B: { type: "object", properties: { a: { $ref: "#/$defs/A" } }, required: ["a"] },
      },
      $ref: "#/$defs/A",
    });
    expect(d?.code).toBe("schema.required-cycle");
    expect(d?.message).toContain("#/$defs/A -> #/$defs/B -> #/$defs/A");
  });

  it("accepts a recursion through an optional property", () => {
    expect(
      lintSchema({ $defs: { A: { type: "object", properties: { next: { $ref: "#/$defs/A" } } } }, $ref: "#/$defs/A" }),
    ).toEqual([]);
  });

  it("treats a cycle through additionalProperties as breakable", () => {
    expect(lintSchema({ type: "object", additionalProperties: { $ref: "#" }, properties: {} })).toEqual([]);
  });

  it("reports a non-object schema", () => {
    expect(lintSchema(true).map((d) => d.code)).toEqual(["schema.not-object"]);
  });

  it("every rule id has a known prefix", () => {
    for (const r of RULE_DEFINITIONS) expect(r.id).toMatch(/^(schema|legacy|config|function|request)\.[a-z0-9-]+$/);
  });
});
