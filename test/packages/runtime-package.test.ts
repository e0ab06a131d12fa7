// The runtime package as a user gets it: the packed tarball installed into a fresh project with no network (it has
// no dependencies), then loaded by plain node (ESM and CommonJS), type-checked by tsc under the strictest common
// flags in both module resolutions, and bundled for the browser by esbuild. Sizes are the benchmark's business.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { freshProject, npmInstall, REAL_RESPONSE, run, tarballs, TSC } from "./support.ts";
import { corpusBodies } from "../support/corpus.ts";
import { hasShared } from "../support/shared.ts";
import { wholeModel } from "../runtime/helpers.ts";
import { mutationsOf } from "../runtime/mutations.ts";

let app: string;
let tarball: string;
const BROWSER = { platform: "browser" as const };

beforeAll(async () => {
  tarball = (await tarballs()).runtime;
  app = freshProject("runtime-app");
  await npmInstall(app, [tarball], { offline: true });
  writeFileSync(join(app, "invalid.json"), JSON.stringify({ candidates: [{ finishReason: 7, content: "text" }] }));
}, 120_000);

describe("the runtime tarball", () => {
  it("holds the built library, its declarations and the JSON Schemas, and nothing else", async () => {
    const list = await run("tar", ["-tzf", tarball], app);
    const files = list.stdout
      .split("\n")
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ""));
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
    expect(
      files.filter((f) => !/^(dist\/(esm|cjs)\/|generated\/schemas\/|package\.json$|README\.md$)/.test(f)),
    ).toEqual([]);
    expect(files).toContain("dist/esm/src/index.js");
    expect(files).toContain("dist/cjs/src/index.js");
    expect(files).toContain("dist/esm/node/index.js");
    expect(files).toContain("dist/cjs/node/index.js");
    expect(files).toContain("generated/schemas/GenerateContentResponse.json");
    const manifest = JSON.parse(
      readFileSync(join(app, "node_modules/@gemini-typekit/runtime/package.json"), "utf8"),
    ) as Record<string, unknown>;
    expect(manifest["dependencies"]).toBeUndefined();
    expect(manifest["sideEffects"]).toBe(false);
    expect(JSON.stringify(manifest["exports"])).not.toContain("source");
  });
});

describe("plain node", () => {
  it.each([
    ["ES modules (import)", "esm.mjs"],
    ["CommonJS (require)", "cjs.cjs"],
  ])("%s validates a real response and rejects a broken one", async (_name, script) => {
    const valid = await run(process.execPath, [script, REAL_RESPONSE], app);
    expect(valid.stderr).toBe("");
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ ok: true });
    const invalid = await run(process.execPath, [script, "invalid.json"], app);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toEqual({ ok: false, codes: ["invalid-type"] });
  });
});

describe("plain node loads the package as one file", () => {
  it.skipIf(!hasShared)(
    "the bundled entry (ESM and CommonJS) answers as the modules do: every corpus body and mutation, both modes",
    async () => {
      wholeModel(); // the mutations look resources and enums up in the runtime's model
      const cases = corpusBodies().flatMap(({ resource, value }) => [
        { resource, value },
        ...mutationsOf(resource, value).map((m) => ({ resource, value: m.value })),
      ]);
      writeFileSync(join(app, "cases.json"), JSON.stringify(cases));
      const result = await run(process.execPath, ["same-answers.mjs", "cases.json"], app);
      expect(result.stderr).toBe("");
      const report = JSON.parse(result.stdout) as { resolved: Record<string, string>; cases: number; differing: [] };
      expect(report.resolved["import"]).toMatch(/\/dist\/esm\/node\/index\.js$/);
      expect(report.resolved["require"]).toMatch(/\/dist\/cjs\/node\/index\.js$/);
      expect(report.cases).toBeGreaterThan(1000);
      expect(report.differing).toEqual([]);
    },
    120_000,
  );
});

describe("tsc in the user's project (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, noPropertyAccessFromIndexSignature, skipLibCheck off)", () => {
  it.each([["nodenext"], ["bundler"]])("moduleResolution %s: no errors", async (mode) => {
    const result = await run(process.execPath, [TSC, "-p", `tsconfig.${mode}.json`], app);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("still reports the app's own type errors (the check is live)", async () => {
    writeFileSync(
      join(app, "broken.ts"),
      'import type { Part } from "@gemini-typekit/runtime";\nexport const part: Part = { text: 1 };\n',
    );
    const config = JSON.parse(readFileSync(join(app, "tsconfig.bundler.json"), "utf8")) as { files: string[] };
    writeFileSync(join(app, "tsconfig.broken.json"), JSON.stringify({ ...config, files: ["broken.ts"] }));
    const result = await run(process.execPath, [TSC, "-p", "tsconfig.broken.json"], app);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain("broken.ts(2,");
  });
});

describe("a browser bundle (esbuild)", () => {
  const bundle = async (entry: string, target: { platform: "browser" | "node"; conditions?: string[] } = BROWSER) => {
    const result = await build({
      entryPoints: [join(app, entry)],
      absWorkingDir: app,
      bundle: true,
      ...target,
      format: "esm",
      minify: true,
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
  };

  it("of one validator builds from the installed package, with no node: import", async () => {
    const { text, inputs } = await bundle("one-validator.mjs");
    expect(inputs.some((i) => i.includes("node_modules/@gemini-typekit/runtime/dist/esm/"))).toBe(true);
    expect(inputs.filter((i) => i.startsWith("node:"))).toEqual([]);
    expect(text).not.toMatch(/["']node:/);
  });

  // A bundler for Node matches the "node" condition, which holds the library as one file; "browser" comes first.
  it.each([
    ["for the browser", BROWSER, "modules"],
    ["for Node", { platform: "node" as const }, "one file"],
    ["for Node with the browser condition", { platform: "node" as const, conditions: ["browser"] }, "modules"],
  ])("of one validator %s takes the library's %s", async (_name, target, want) => {
    const { inputs } = await bundle("one-validator.mjs", target);
    const runtime = inputs.filter((i) => i.includes("node_modules/@gemini-typekit/runtime/"));
    const oneFile = runtime.filter((i) => i.endsWith("/dist/esm/node/index.js"));
    if (want === "one file") expect(runtime).toEqual(oneFile);
    else expect([oneFile.length, runtime.length > 10]).toEqual([0, true]);
  });

  it("of types only is empty", async () => {
    const { text } = await bundle("types-only.mjs");
    expect(text.trim()).toBe("");
  });
});
