// The importer on Google's full documents in ../shared: the committed spec is exactly what importing them gives,
// it covers all of rev 20260325, re-importing is a no-op, and history imports report the right changes.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runImport } from "../../packages/tools/src/import/run.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { coverage } from "../../packages/tools/src/import/coverage.ts";
import { asDiscoveryDoc, readMethods } from "../../packages/tools/src/import/discovery.ts";
import type { Diagnostic } from "../../packages/tools/src/diagnostics.ts";
import { hasShared, PROJECT_ROOT, UPSTREAM } from "../support/shared.ts";
import { copyTree, tempDir } from "../support/tmp.ts";

const SPEC = join(PROJECT_ROOT, "spec");

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (f.isFile())
      out[join(f.parentPath, f.name).slice(dir.length + 1)] = readFileSync(join(f.parentPath, f.name), "utf8");
  return out;
}

/** A scratch spec dir holding a copy of the project's overlay (and meta) but no imported layer. */
function scratchSpec(): string {
  const dir = join(tempDir(), "spec");
  copyTree(join(SPEC, "overlay"), join(dir, "overlay"));
  return dir;
}

describe.skipIf(!hasShared)("full upstream documents (../shared)", () => {
  it("importing rev 20260325 with protos and OpenAPI reproduces the committed spec/imported byte for byte", async () => {
    const specDir = scratchSpec();
    const r = await runImport({
      discovery: UPSTREAM.discovery,
      protos: UPSTREAM.protos,
      openapi: UPSTREAM.openapi,
      specDir,
    });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(readTree(join(specDir, "imported"))).toEqual(readTree(join(SPEC, "imported")));
  });

  it("re-importing the same documents writes nothing and reports no change", async () => {
    const specDir = join(tempDir(), "spec");
    copyTree(SPEC, specDir);
    const before = readTree(specDir);
    const r = await runImport({
      discovery: UPSTREAM.discovery,
      protos: UPSTREAM.protos,
      openapi: UPSTREAM.openapi,
      specDir,
    });
    expect(r.ok).toBe(true);
    expect(r.written).toBe(false);
    expect(r.report!.changes).toEqual([]);
    expect(readTree(specDir)).toEqual(before);
  });

  it("the spec covers 100% of rev 20260325", async () => {
    const { ir } = await loadSpec(SPEC);
    const { doc } = asDiscoveryDoc(JSON.parse(readFileSync(UPSTREAM.discovery, "utf8")), UPSTREAM.discovery);
    const { coverage: c } = coverage(ir!, doc!, UPSTREAM.discovery);
    const counts = Object.fromEntries(Object.entries(c).map(([k, r]) => [k, `${r.covered}/${r.total}`]));
    expect(counts).toEqual({
      schemas: "190/190",
      properties: "608/608",
      enumFields: "41/41",
      enumValues: "222/222",
      methods: "81/81",
    });
  });

  it("20251028 → 20260325 reports the known changes", async () => {
    const specDir = scratchSpec();
    expect((await runImport({ discovery: UPSTREAM.discovery20251028, protos: UPSTREAM.protos, specDir })).ok).toBe(
      true,
    );
    const r = await runImport({ discovery: UPSTREAM.discovery, protos: UPSTREAM.protos, specDir });
    expect(r.ok).toBe(true);
    const lines = r.report!.changes.map((c) => `${c.kind} ${c.subject} ${c.path}${c.detail ? ` (${c.detail})` : ""}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        "changed service revision (20251028 → 20260325)",
        "added enum-value Candidate.finishReason#MISSING_THOUGHT_SIGNATURE",
        "added enum-value Candidate.finishReason#MALFORMED_RESPONSE",
        "removed enum-value ExecutableCode.language#BASH",
        "changed resource GroundingSupport (upstream name: GroundingSupport → GoogleAiGenerativelanguageV1alphaGroundingSupport)",
        "added field Part.toolCall (ref ToolCall)",
        "added method auth_tokens.create",
        "removed method corpora.documents.chunks.create",
        // 20251028 has no BidiGenerateContentSetup: the Live messages come from the protos, whose TurnCoverage
        // lacks this value and whose Setup lacks Discovery's newer fields.
        "added enum-value RealtimeInputConfig.turnCoverage#TURN_INCLUDES_AUDIO_ACTIVITY_AND_ALL_VIDEO",
        "added field BidiGenerateContentSetup.historyConfig (ref HistoryConfig)",
        "added field BidiGenerateContentSetup.proactivity (ref ProactivityConfig)",
      ]),
    );
    // Only the value changes above: nothing else in enum values moved between these revisions.
    expect(r.report!.summary["enum-value"]).toEqual({ added: 3, removed: 1, changed: 0 });
    // The rename is a change of upstream name, not a removal plus an addition.
    expect(lines.filter((l) => / resource (GroundingSupport|Segment)$/.test(l))).toEqual([]);
  });

  it("20260325 → 20251028 (backwards) maps the old side through the rename history too", async () => {
    const specDir = join(tempDir(), "spec");
    copyTree(SPEC, specDir);
    const r = await runImport({
      discovery: UPSTREAM.discovery20251028,
      protos: UPSTREAM.protos,
      specDir,
      dryRun: true,
    });
    expect(r.ok).toBe(true);
    const lines = r.report!.changes.map((c) => `${c.kind} ${c.subject} ${c.path}${c.detail ? ` (${c.detail})` : ""}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        "changed resource GroundingSupport (upstream name: GoogleAiGenerativelanguageV1alphaGroundingSupport → GroundingSupport)",
        "changed resource Segment (upstream name: GoogleAiGenerativelanguageV1alphaSegment → Segment)",
      ]),
    );
    expect(
      lines.filter((l) => /GoogleAi|resource (GroundingSupport|Segment)$/.test(l) && !l.startsWith("changed resource")),
    ).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === "spec.stale-rename")).toEqual([]);
  });

  // The issue reports media.upload's maxSize falling from 2 GiB to 100 MB between 20251009 and 20251015; the three
  // revisions kept here all say 2 GiB for media.upload, and 100 MB only for the store uploads that appeared later.
  const uploadCases: [string, { discovery: () => string; want: Record<string, string | undefined> }][] = [
    ["20250612", { discovery: () => UPSTREAM.discovery20250612, want: { "media.upload": "2147483648" } }],
    [
      "20251028",
      {
        discovery: () => UPSTREAM.discovery20251028,
        want: { "media.upload": "2147483648", "media.uploadToRagStore": "104857600" },
      },
    ],
    [
      "20260325",
      {
        discovery: () => UPSTREAM.discovery,
        want: { "media.upload": "2147483648", "media.uploadToFileSearchStore": "104857600" },
      },
    ],
  ];
  it.each(uploadCases)(
    "rev %s: every upload method and its maxSize are read from Discovery",
    (_rev, { discovery, want }) => {
      const file = discovery();
      const { doc } = asDiscoveryDoc(JSON.parse(readFileSync(file, "utf8")), file);
      const diagnostics: Diagnostic[] = [];
      const methods = readMethods(doc!, file, diagnostics);
      expect(diagnostics).toEqual([]);
      const uploads = Object.fromEntries(
        Object.values(methods)
          .filter((m) => m.mediaUpload)
          .map((m) => [m.id, m.mediaUpload!.maxSize]),
      );
      expect(uploads).toEqual(want);
      for (const m of Object.values(methods).filter((x) => x.mediaUpload)) {
        expect(m.mediaUpload!.accept).toEqual(["*/*"]);
        expect(Object.keys(m.mediaUpload!.protocols).sort()).toEqual(["resumable", "simple"]);
      }
    },
  );

  it("the oldest revision (20250612) imports with only stale-overlay warnings", async () => {
    const specDir = scratchSpec();
    const r = await runImport({ discovery: UPSTREAM.discovery20250612, specDir });
    expect(r.ok).toBe(true);
    // Everything reported is about overlay entries that are newer than this revision.
    for (const d of r.diagnostics) expect(d.code).toMatch(/^spec\.(stale-[a-z-]+|unnamed-enum|added-exists)$/);
    expect(r.diagnostics.every((d) => d.severity === "warning")).toBe(true);
  });
});
