// No stuck state on Google's real documents: each shared Discovery revision, imported with today's overlay, passes
// `spec check` (stale entries are warnings), and then `generate` produces every file without an error.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { runImport } from "../../packages/tools/src/import/run.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { generateFiles } from "../../packages/tools/src/generate/run.ts";
import { hasShared, PROJECT_ROOT, UPSTREAM } from "../support/shared.ts";
import { copyTree, tempDir } from "../support/tmp.ts";

const revisions: [string, { discovery: string }][] = [
  ["20250612", { discovery: UPSTREAM.discovery20250612 }],
  ["20251028", { discovery: UPSTREAM.discovery20251028 }],
  ["20260325", { discovery: UPSTREAM.discovery }],
];

describe.skipIf(!hasShared)("each shared revision with today's overlay (../shared)", () => {
  it.each(revisions)("rev %s: imports, checks and generates", async (_rev, { discovery }) => {
    const dir = join(tempDir(), "spec");
    copyTree(join(PROJECT_ROOT, "spec", "overlay"), join(dir, "overlay"));
    const imported = await runImport({ discovery, specDir: dir });
    expect(imported.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { ir, diagnostics } = await loadSpec(dir, dir);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(ir).toBeDefined();
    const generated = await generateFiles(dir, dir);
    expect(generated.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(generated.files!.has("types.ts")).toBe(true);
  });
});
