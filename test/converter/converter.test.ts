// Table-driven: every folder here with an input.ts is a case. The type `Root` is converted to both dialects and
// compared with the reviewed expected files (refresh them with UPDATE_FIXTURES=1 and review the diff). Produced
// schemas must pass the linter (its warnings passed on by the converter), compile with Ajv 2020 (strict) and accept/reject the case's sample instances.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createProject,
  jsonSchemaToResponseSchema,
  lintSchema,
  responseSchemaToJsonSchema,
  toResponseJsonSchema,
  toResponseSchema,
} from "../../packages/tools/src/response-schema/index.ts";
import { cases, expectedFile, FIXTURES, located, makeAjv, readJsonIfExists } from "./harness.ts";

describe.each(cases())("converter case %s", (name) => {
  const dir = join(FIXTURES, name);
  const input = join(dir, "input.ts");
  // One Project per case, reused for both dialects (as a caller converting repeatedly would).
  const project = createProject();
  project.addSourceFileAtPath(input);
  const json = toResponseJsonSchema(project, "Root");
  const legacy = toResponseSchema(project, "Root");

  it("matches expected.schema.json and expected.errors.json", () => {
    expect(json.schema).toEqual(expectedFile(join(dir, "expected.schema.json"), json.schema));
    const diagnostics = json.diagnostics.length ? located(dir, json.diagnostics) : undefined;
    expect(diagnostics).toEqual(expectedFile(join(dir, "expected.errors.json"), diagnostics));
  });

  it("matches expected.legacy.json", () => {
    // Warnings (the TypeScript side's and the legacy emitter's own, e.g. a dropped format) are kept beside the schema.
    const warnings = legacy.diagnostics.length ? { warnings: located(dir, legacy.diagnostics) } : {};
    const actual = legacy.schema
      ? { schema: legacy.schema, ...warnings }
      : { errors: located(dir, legacy.diagnostics) };
    expect(actual).toEqual(expectedFile(join(dir, "expected.legacy.json"), actual));
  });

  it("gives the same result from a file path and from code text", () => {
    const fromPath = toResponseJsonSchema(input, "Root");
    expect(fromPath.schema).toEqual(json.schema);
    expect(fromPath.diagnostics).toEqual(json.diagnostics);
    const fromText = toResponseJsonSchema(readFileSync(input, "utf8"), "Root", { cwd: dir });
    expect(fromText.schema).toEqual(json.schema);
    expect(fromText.diagnostics.map((d) => [d.code, d.location.line, d.location.column])).toEqual(
      json.diagnostics.map((d) => [d.code, d.location.line, d.location.column]),
    );
  });

  it.runIf(json.schema !== undefined)(
    "emits a schema the linter accepts and Ajv compiles, which sorts the samples",
    () => {
      const schema = json.schema!;
      // The converter lints what it emits: the linter finds no error, and every warning it finds the converter passed on.
      const findings = lintSchema(schema, { target: "responseJsonSchema" });
      expect(findings.filter((d) => d.severity === "error")).toEqual([]);
      expect(findings.map((d) => d.code)).toEqual(
        json.diagnostics.filter((d) => findings.some((f) => f.code === d.code)).map((d) => d.code),
      );
      const validate = makeAjv().compile(schema);
      const instances = readJsonIfExists(join(dir, "instances.json")) as
        { valid: unknown[]; invalid: unknown[] } | undefined;
      expect(instances, `${name}/instances.json is missing`).toBeDefined();
      for (const v of instances!.valid)
        expect(validate(v), `valid: ${JSON.stringify(v)} ${JSON.stringify(validate.errors)}`).toBe(true);
      for (const v of instances!.invalid) expect(validate(v), `invalid: ${JSON.stringify(v)}`).toBe(false);
    },
  );

  it.runIf(legacy.schema !== undefined)("legacy output lints clean and agrees with converting the JSON Schema", () => {
    const findings = lintSchema(legacy.schema, { target: "responseSchema" });
    expect(findings.filter((d) => d.severity === "error")).toEqual([]);
    expect(findings.map((d) => d.code)).toEqual(
      legacy.diagnostics.filter((d) => findings.some((f) => f.code === d.code)).map((d) => d.code),
    );
    expect(jsonSchemaToResponseSchema(json.schema).schema).toEqual(legacy.schema);
    const back = responseSchemaToJsonSchema(legacy.schema);
    expect(back.diagnostics).toEqual([]);
    expect(lintSchema(back.schema).filter((d) => d.severity === "error")).toEqual([]);
    const validate = makeAjv().compile(back.schema!);
    const instances = readJsonIfExists(join(dir, "instances.json")) as { valid: unknown[] } | undefined;
    for (const v of instances?.valid ?? []) expect(validate(v), JSON.stringify(v)).toBe(true);
  });
});
