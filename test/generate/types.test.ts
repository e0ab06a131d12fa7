// The TypeScript types emitter. Table-driven: every folder in types-fixtures/ with a spec.json is a case, built into
// a SpecIR and emitted; the text must equal the reviewed expected.ts (refresh with UPDATE_FIXTURES=1 and review the
// diff) and compile in strict mode. Then the full project spec: strict type-check, determinism, the checked-in copy.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generateFiles } from "../../packages/tools/src/generate/run.ts";
import { emitTypes, typesSource } from "../../packages/tools/src/generate/types/index.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { buildIr, type FixtureSpec } from "./types-fixtures/build-ir.ts";
import { typeCheck } from "./types-support.ts";

const FIXTURES = join(import.meta.dirname, "types-fixtures");
const UPDATE = process.env.UPDATE_FIXTURES === "1";
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, "spec.json")))
  .map((d) => d.name)
  .sort();

describe.each(cases)("types case %s", (name) => {
  const dir = join(FIXTURES, name);
  const ir = buildIr(JSON.parse(readFileSync(join(dir, "spec.json"), "utf8")) as FixtureSpec);

  it("emits expected.ts", async () => {
    const actual = await typesSource(ir);
    const expectedPath = join(dir, "expected.ts");
    if (UPDATE) writeFileSync(expectedPath, actual);
    expect(actual).toBe(readFileSync(expectedPath, "utf8"));
  });

  it("compiles in strict mode", async () => {
    expect(typeCheck({ "types.ts": await typesSource(ir) })).toEqual([]);
  });

  it("is what prettier makes of it (only some statements go through prettier)", async () => {
    const text = await typesSource(ir);
    expect(await prettier.format(text, { parser: "babel-ts", printWidth: 120 })).toBe(text);
  });
});

describe("types emitter", () => {
  it("has fixture cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it("emits the project's types as prettier would format the whole module", async () => {
    const { ir } = await loadSpec("spec");
    const text = await typesSource(ir!);
    expect(await prettier.format(text, { parser: "babel-ts", printWidth: 120 })).toBe(text);
  });

  it("emits one ts file, types.ts", async () => {
    const { ir } = await loadSpec("spec");
    const files = await emitTypes({ ir: ir!, specHash: "sha256:0", generatorVersion: "0.0.0", timings: {} });
    expect([...files.keys()]).toEqual(["types.ts"]);
    expect(files.get("types.ts")!.kind).toBe("ts");
  });

  it("refuses a spec whose derived names clash", async () => {
    const ir = buildIr({
      resources: {
        Part: {
          fields: { text: { type: "string" }, x: { type: "string" } },
          unions: [{ name: "data", members: ["text"] }],
        },
        PartFields: {},
      },
    });
    await expect(typesSource(ir)).rejects.toThrow(/PartFields/);
  });

  it("refuses a spec name that a helper takes", async () => {
    await expect(typesSource(buildIr({ resources: { OneOf: {} } }))).rejects.toThrow(/OneOf/);
  });
});

describe("types for the project spec", async () => {
  const { files, diagnostics } = await generateFiles("spec");
  const text = files?.get("types.ts");

  it("is generated", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(text).toBeDefined();
  });

  it("type-checks in strict mode (also with exactOptionalPropertyTypes)", () => {
    expect(typeCheck({ "types.ts": text! })).toEqual([]);
    expect(typeCheck({ "types.ts": text! }, { exactOptionalPropertyTypes: true })).toEqual([]);
  });

  it("is byte-identical across runs", async () => {
    const again = await generateFiles("spec");
    expect(again.files?.get("types.ts")).toBe(text);
  });

  it("matches the checked-in generated/types.ts", () => {
    expect(readFileSync("packages/runtime/generated/types.ts", "utf8")).toBe(text);
  });

  it("imports nothing", () => {
    expect(text).not.toMatch(/^\s*import\s/m);
  });
});
