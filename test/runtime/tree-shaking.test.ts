// A browser bundle of one validator carries that resource and what it reaches, nothing else: esbuild, as an
// application's bundler would run it (minified, the package's "source" condition: this repository's TypeScript), and
// the output read for what it kept — each resource's fast-path checker names its resource, each schema and model entry
// its name. The bundle then runs, with nothing but its own resource's data, and must answer as the library does.
// Sizes are the benchmarks' business.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import * as referenceData from "../../packages/runtime/generated/validators/reference.js";
import { RESOURCE_NAMES } from "../../packages/runtime/generated/validators/names.ts";
import { validateGenerateContentResponse } from "../../packages/runtime/src/index.ts";
import type { LinkedData } from "../../packages/runtime/src/linked.ts";
import type { Mode, ValidationResult } from "../../packages/runtime/src/result.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

async function bundle(app: string): Promise<{ text: string; kept: string[] }> {
  const result = await build({
    stdin: { contents: app, resolveDir: PROJECT_ROOT, sourcefile: "app.ts", loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions: ["source"],
    minify: true,
    metafile: true,
    logLevel: "silent",
  });
  const [output] = Object.values(result.metafile.outputs);
  const kept = Object.entries(output!.inputs).flatMap(([path, { bytesInOutput }]) => (bytesInOutput > 0 ? [path] : []));
  return { text: result.outputFiles[0]!.text, kept };
}

/** The names of the schemas `root` reaches, itself included, by the links of packages/runtime/generated/validators/reference.js. */
function closure(root: string): Set<string> {
  const entries = referenceData as unknown as Record<string, LinkedData>;
  const names = new Set<string>();
  const pending = [entries[root]!];
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    if (names.has(entry.name)) continue;
    names.add(entry.name);
    pending.push(...(entry.refs?.() ?? []));
  }
  return names;
}

const sorted = (values: Iterable<string>) => [...values].sort();
const RESOURCES = new Set<string>(RESOURCE_NAMES);

describe("a browser bundle of validateGenerateContentResponse alone", async () => {
  const { text, kept } = await bundle(
    'import { validateGenerateContentResponse } from "@gemini-typekit/runtime";\nexport const ok = validateGenerateContentResponse({}).ok;\n',
  );
  const reached = closure("GenerateContentResponse");

  it("reaches a part of the spec only (so the assertions below can tell)", () => {
    expect(reached.size).toBeGreaterThan(20);
    expect(reached.size).toBeLessThan(RESOURCES.size / 2);
    for (const name of ["TunedModel", "Corpus", "GenerateContentRequest", "Tool", "ErrorResponse"])
      expect(reached.has(name)).toBe(false);
  });

  it("keeps the fast-path checkers of the resources it reaches, and no other", () => {
    // Every checker records unknown fields (order -1, `true` minified to !0) with its resource's name.
    const checkers = new Set([...text.matchAll(/\[-1\],!0,\w+,"(\w+)"\)/g)].map((m) => m[1]!));
    expect(sorted(checkers)).toEqual(sorted([...reached].filter((name) => RESOURCES.has(name))));
    // An enum outside the closure has no value set either.
    expect(text).not.toContain("BATCH_STATE_PENDING");
  });

  it("keeps the schema and model entries of what it reaches, once each, and no other", () => {
    const entries = [...text.matchAll(/\{name:"(\w+)",json:/g)].map((m) => m[1]!);
    // Resources and enums have a schema and a model entry each; an any type (none reached here) a schema only.
    expect(sorted(entries)).toEqual(sorted([...reached, ...reached]));
    for (const name of ["TunedModel", "Corpus", "GenerateContentRequest"])
      expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
  });

  it("keeps none of the vocabulary's fast-path compile steps, nor the code builder they write with", () => {
    // The families' modules hold their checks and issue builders beside their compile steps (the generator's).
    expect(kept.filter((path) => path.includes("/vocabulary/")).length).toBeGreaterThan(3);
    expect(kept.filter((path) => path.endsWith("/vocabulary/code.ts"))).toEqual([]);
    for (const compileText of ["is not an identifier", "nested object schemas", "unsupported any type schema"])
      expect(text).not.toContain(compileText);
  });

  it("keeps no table of every resource, and no node: import", () => {
    expect(kept.filter((path) => path.endsWith("generated/validators/names.ts"))).toEqual([]);
    expect(kept.filter((path) => path.startsWith("node:") || path.includes("node_modules"))).toEqual([]);
    expect(text).not.toMatch(/["']node:/);
  });
});

describe("a bundle of types alone", () => {
  it("is empty", async () => {
    const { text } = await bundle(
      'import type { GenerateContentResponse, Part } from "@gemini-typekit/runtime";\nexport type Both = GenerateContentResponse | Part;\n',
    );
    expect(text.trim()).toBe("");
  });
});

describe("the bundle of one validator at work", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gemini-typekit-bundle-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { text } = await bundle('export { validateGenerateContentResponse } from "@gemini-typekit/runtime";\n');
  writeFileSync(join(dir, "bundle.mjs"), text);
  const bundled = (await import(pathToFileURL(join(dir, "bundle.mjs")).href)) as {
    validateGenerateContentResponse: typeof validateGenerateContentResponse;
  };

  // Each needs a different part of its data: none, the schemas (issues), the model (normalization, spec places), both.
  const VALUES: [string, unknown][] = [
    ["valid", { candidates: [{ content: { role: "model", parts: [{ text: "hi" }] }, finishReason: "STOP" }] }],
    ["drift", { candidates: [{ finishReason: "NEW_REASON", novel: 1 }], extra: { a: 1 } }],
    [
      "snake_case and integer enums",
      {
        candidates: [{ finish_reason: 1, safety_ratings: [{ category: 8, probability: 1 }] }],
        usage_metadata: { total_token_count: 3 },
      },
    ],
    ["an enum name in another case", { candidates: [{ finishReason: "stop" }] }],
    [
      "wrong types",
      {
        candidates: [{ index: "0", content: { parts: [{ inlineData: { data: 1 } }] } }],
        usageMetadata: { totalTokenCount: -1.5 },
      },
    ],
    ["a oneof conflict", { candidates: [{ content: { parts: [{ text: "a", fileData: { fileUri: "u" } }] } }] }],
    ["an unknown enum number", { candidates: [{ finishReason: 999 }] }],
    ["not an object", [1, 2]],
  ];

  it.each(VALUES)("%s: the same result as the library's, in both modes", (_, value) => {
    for (const mode of ["lenient", "strict"] as Mode[]) {
      const mine: ValidationResult<unknown> = bundled.validateGenerateContentResponse(value, { mode });
      expect(mine).toEqual(validateGenerateContentResponse(value, { mode }));
    }
  });

  it("really ran the slow path (issues, drift and normalization), so the comparison means something", () => {
    const results = VALUES.map(([, value]) => bundled.validateGenerateContentResponse(value, { mode: "lenient" }));
    expect(results.some((r) => !r.ok && r.issues.some((i) => i.spec !== undefined))).toBe(true);
    expect(results.some((r) => r.ok && r.drift.some((d) => d.kind === "unknown-enum-value"))).toBe(true);
    expect(results.some((r, i) => r.ok && r.value !== VALUES[i]![1])).toBe(true);
  });
});
