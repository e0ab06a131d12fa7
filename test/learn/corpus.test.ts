// spec learn over the shared corpus of real payloads (../shared/fixtures/real, placed by its manifest.jsonl): every
// manifest line is accounted for (read, or a located problem), and what the corpus shows of UsageMetadata.serviceTier
// is either proposed or, once a correction adds it, explained by the spec.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { CORPUS_DIR, hasCorpus } from "../runtime/corpus-map.ts";
import { PROJECT_ROOT } from "../support/shared.ts";
import { run, SPEC_DIR } from "./support.ts";

if (!hasCorpus) console.warn(`[spec learn] ${CORPUS_DIR} is absent: the corpus run is skipped.`);

interface Report {
  files: number;
  bodies: number;
  findings: { kind: string; target: string; seenIn: number; examples: { file: string }[] }[];
  problems: { file: string; code: string; origin?: string }[];
  corrections: { addedFields: { field: string; evidence: { source: string; examples: { file: string }[] } }[] };
}

describe.skipIf(!hasCorpus)("spec learn over the shared corpus", () => {
  it("accounts for every manifest line and proposes only what the spec does not explain", async () => {
    const r = await run(
      ["spec", "learn", "--manifest", join(CORPUS_DIR, "manifest.jsonl"), "--spec", SPEC_DIR, "--json"],
      PROJECT_ROOT,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1); // some lines cannot be placed (no URI, Vertex AI): reported, so the run is not clean
    const report = JSON.parse(r.stdout) as Report;
    const lines = readFileSync(join(CORPUS_DIR, "manifest.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim()).length;
    const notPlaced = report.problems.filter((p) => p.code === "unplaced" || p.code === "invalid-manifest").length;
    expect(report.files + notPlaced).toBe(lines);
    expect(report.files).toBeGreaterThan(300);

    // Every example a proposal gives is a corpus file, named relative to the corpus folder.
    for (const f of report.corrections.addedFields) {
      expect(f.evidence.source).toMatch(/shared\/fixtures\/real$/);
      for (const e of f.evidence.examples) expect(() => readFileSync(join(CORPUS_DIR, e.file))).not.toThrow();
    }

    const { ir } = await loadSpec(SPEC_DIR);
    const explained = ir!.resources.get("UsageMetadata")!.fields.some((f) => f.jsonName === "serviceTier");
    const proposed = report.findings.filter((f) => f.target === "UsageMetadata.serviceTier" && f.kind === "addedField");
    if (explained) expect(proposed, "the spec has UsageMetadata.serviceTier: nothing to propose for it").toEqual([]);
    else expect(proposed).toEqual([expect.objectContaining({ seenIn: expect.any(Number) })]);
  });
});
