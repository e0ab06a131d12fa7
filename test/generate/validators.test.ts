// The precompiled validators: they agree with the same schemas compiled by ajv at run time on every real
// payload (and mutations of them), lenient mode reports drift, and generation is deterministic, checked and atomic.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { schemaId } from "../../packages/tools/src/generate/schemas/emit.ts";
import { validatorAjv } from "../../packages/tools/src/generate/validators/emit.ts";
import { validatorSchemas } from "../../packages/tools/src/generate/validators/schema.ts";
import { generateFiles, runGenerate } from "../../packages/tools/src/generate/run.ts";
import * as generated from "../../packages/runtime/generated/validators/index.ts";
import { hasShared, PROJECT_ROOT } from "../support/shared.ts";
import { corpusBodies } from "../support/corpus.ts";
import { copyTree, tempDir } from "../support/tmp.ts";

const SPEC = join(PROJECT_ROOT, "spec");
let runtime: Record<"strict" | "lenient", (name: string) => ValidateFunction>;

beforeAll(async () => {
  const { ir } = await loadSpec(SPEC);
  const make = (mode: "strict" | "lenient") => {
    const ajv = validatorAjv();
    for (const s of validatorSchemas(ir!, mode).values()) ajv.addSchema(s as object);
    return (name: string) => ajv.getSchema(schemaId(name, mode))!;
  };
  runtime = { strict: make("strict"), lenient: make("lenient") };
});

const summary = (errors: readonly ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.schemaPath}`).sort();

/** Single changes that must each make a payload invalid or different: wrong types, bogus values. */
function mutations(value: unknown): unknown[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const obj = value as Record<string, unknown>;
  const out: unknown[] = [];
  for (const key of Object.keys(obj).slice(0, 3)) {
    out.push({ ...obj, [key]: 12345 });
    out.push({ ...obj, [key]: "not-a-valid-value" });
  }
  out.push({ ...obj, unknownFieldForTests: true });
  return out;
}

describe.skipIf(!hasShared)("standalone validators vs runtime-compiled schemas", () => {
  it("agree on every corpus payload and its mutations, in both modes", () => {
    const bodies = corpusBodies();
    expect(bodies.length).toBeGreaterThan(700);
    let compared = 0;
    const disagreements: string[] = [];
    for (const { file, chunk, resource, value } of bodies) {
      for (const candidate of [value, ...mutations(value)]) {
        for (const mode of ["strict", "lenient"] as const) {
          const pre = generated.validatorFor(resource as generated.ResourceName, mode);
          const rt = runtime[mode](resource);
          const a = pre(candidate);
          const b = rt(candidate);
          compared++;
          if (a !== b || JSON.stringify(summary(pre.errors)) !== JSON.stringify(summary(rt.errors)))
            disagreements.push(`${file}#${chunk} ${mode}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(5000);
  });
});

describe("lenient drift", () => {
  it("accepts unknown fields and enum values and reports each; strict rejects them", () => {
    const value = {
      candidates: [{ finishReason: "SOMETHING_NEW", content: { role: "model", parts: [{ text: "hi" }] }, sparkle: 1 }],
      responseId: "r",
    };
    expect(generated.runValidator("GenerateContentResponse", "lenient", value)).toEqual({
      valid: true,
      errors: [],
      drift: [
        { path: "/candidates/0/sparkle", kind: "unknown-field", value: 1 },
        { path: "/candidates/0/finishReason", kind: "unknown-enum-value", value: "SOMETHING_NEW" },
      ],
    });
    const strict = generated.runValidator("GenerateContentResponse", "strict", value);
    expect(strict.valid).toBe(false);
    expect(strict.errors.map((e) => [e.instancePath, e.keyword])).toEqual([
      ["/candidates/0", "additionalProperties"],
      ["/candidates/0/finishReason", "enum"],
    ]);
  });

  it("type errors, bad formats and oneof violations fail in both modes", () => {
    for (const mode of ["strict", "lenient"] as const) {
      expect(generated.runValidator("Part", mode, { text: 1 }).valid).toBe(false);
      expect(generated.runValidator("File", mode, { sizeBytes: "12.5" }).valid).toBe(false);
      expect(
        generated.runValidator("Part", mode, { text: "a", inlineData: { mimeType: "image/png", data: "AA==" } }).valid,
      ).toBe(false);
    }
  });
});

describe("generation", () => {
  it("is deterministic: two runs give identical bytes, and match the committed generated/", async () => {
    const first = await generateFiles(SPEC);
    const second = await generateFiles(SPEC);
    expect(first.files).toBeDefined();
    expect([...second.files!]).toEqual([...first.files!]);
    for (const [path, content] of first.files!)
      expect([
        path,
        existsSync(join(PROJECT_ROOT, "packages/runtime/generated", path)) &&
          readFileSync(join(PROJECT_ROOT, "packages/runtime/generated", path), "utf8") === content,
      ]).toEqual([path, true]);
  });

  it("every file starts with a header naming the generator and the spec hash", async () => {
    const { files } = await generateFiles(SPEC);
    for (const [path, content] of files!)
      expect([path, content.slice(0, 200)]).toEqual([
        path,
        expect.stringMatching(
          /^(\/\/ |\{\n {2}"\$comment": ")Generated by gemini-typekit \d+\.\d+\.\d+ from spec sha256:[0-9a-f]{64}/,
        ),
      ]);
  });

  it("--check names every stale, missing and extra file; generate fixes them", async () => {
    const out = join(tempDir(), "generated");
    copyTree(join(PROJECT_ROOT, "packages/runtime/generated"), out);
    expect((await runGenerate({ specDir: SPEC, outDir: out, check: true })).stale).toEqual([]);
    writeFileSync(join(out, "schemas/Part.json"), "{}\n");
    unlinkSync(join(out, "schemas/Blob.json"));
    writeFileSync(join(out, "schemas/Leftover.json"), "{}\n");
    const check = await runGenerate({ specDir: SPEC, outDir: out, check: true });
    expect(check.ok).toBe(false);
    expect(check.written).toBe(false);
    expect(check.stale).toEqual([
      { path: "schemas/Blob.json", reason: "missing" },
      { path: "schemas/Part.json", reason: "differs" },
      { path: "schemas/Leftover.json", reason: "extra" },
    ]);
    const fix = await runGenerate({ specDir: SPEC, outDir: out });
    expect(fix.written).toBe(true);
    expect((await runGenerate({ specDir: SPEC, outDir: out, check: true })).ok).toBe(true);
  });

  it("a bad spec writes nothing and leaves the previous output intact", async () => {
    const root = tempDir();
    copyTree(SPEC, join(root, "spec"));
    copyTree(join(PROJECT_ROOT, "packages/runtime/generated"), join(root, "generated"));
    const resource = join(root, "spec/imported/resources/Part.json");
    writeFileSync(resource, readFileSync(resource, "utf8").replace('"type": "string"', '"type": "strin"'));
    const before = readFileSync(join(root, "generated/schemas/Part.json"), "utf8");
    const result = await runGenerate({ specDir: join(root, "spec"), outDir: join(root, "generated") });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain("spec.meta.enum");
    expect(readFileSync(join(root, "generated/schemas/Part.json"), "utf8")).toBe(before);
  });
});
