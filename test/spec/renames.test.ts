// The overlay's renames (corrections.json #/renames): one upstream schema name renamed twice is a located problem —
// to two public names an error (spec.rename-conflict), to the same name again a warning (spec.rename-duplicate) —
// and the first entry holds. Rows run mergeSpec on an in-memory spec; the last tests show that `spec check`
// (loadSpec), `generate` and `import` all report it, since each merges through the same publicNameMap.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { emptySources, mergeSpec, publicNameMap, renameHistory } from "../../packages/tools/src/spec/merge.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { generateFiles } from "../../packages/tools/src/generate/run.ts";
import { runImport } from "../../packages/tools/src/import/run.ts";
import type { Diagnostic } from "../../packages/tools/src/diagnostics.ts";
import type { Corrections, ImportedSpec, Overlay } from "../../packages/tools/src/spec/layers.ts";
import { discoveryDoc } from "../support/discovery-fragment.ts";
import { tempDir, writeTree } from "../support/tmp.ts";

type Renames = NonNullable<Corrections["renames"]>;

const IMPORTED: ImportedSpec = {
  service: {
    name: "generativelanguage",
    version: "v1beta",
    revision: "20260101",
    rootUrl: "https://example.test/",
    servicePath: "",
    sources: { discovery: { file: "d.json", sha256: "0".repeat(64) } },
  },
  resources: {
    V1Segment: { name: "V1Segment", fields: { text: { protoName: "text", type: "string" } } },
    Holder: { name: "Holder", fields: { segment: { protoName: "segment", type: "ref", ref: "V1Segment" } } },
  },
  methods: {},
};

const overlay = (renames: Renames): Overlay => ({ resources: {}, enums: {}, methods: {}, corrections: { renames } });
const rename = (upstream: string, name: string): Renames[number] => ({
  upstream,
  name,
  reason: "a stable public name",
});

interface Row {
  given: Renames;
  want: {
    diagnostics: { code: string; severity: "error" | "warning"; pointer: string; hint?: RegExp }[];
    /** Upstream name → public name, as publicNameMap and renameHistory give it. */
    publicName: Record<string, string>;
  };
}

const rows: [string, Row][] = [
  [
    "one entry per upstream name is fine",
    { given: [rename("V1Segment", "Segment")], want: { diagnostics: [], publicName: { V1Segment: "Segment" } } },
  ],
  [
    "the same upstream name renamed to two names is an error at the second entry; the first holds",
    {
      given: [rename("V1Segment", "Segment"), rename("Holder", "SegmentHolder"), rename("V1Segment", "TextSegment")],
      want: {
        diagnostics: [
          {
            code: "spec.rename-conflict",
            severity: "error",
            pointer: "/renames/2",
            hint: /#\/renames\/0 \(→ "Segment"\) and #\/renames\/2 \(→ "TextSegment"\)/,
          },
        ],
        publicName: { V1Segment: "Segment", Holder: "SegmentHolder" },
      },
    },
  ],
  [
    "the same rename listed twice is a warning at the second entry",
    {
      given: [rename("V1Segment", "Segment"), rename("V1Segment", "Segment")],
      want: {
        diagnostics: [
          {
            code: "spec.rename-duplicate",
            severity: "warning",
            pointer: "/renames/1",
            hint: /#\/renames\/0 already says it/,
          },
        ],
        publicName: { V1Segment: "Segment" },
      },
    },
  ],
  [
    "an upstream name the document no longer has, renamed twice, is still a conflict (history entries count too)",
    {
      given: [rename("V1Segment", "Segment"), rename("V0Segment", "Segment"), rename("V0Segment", "OldSegment")],
      want: {
        diagnostics: [{ code: "spec.rename-conflict", severity: "error", pointer: "/renames/2" }],
        publicName: { V1Segment: "Segment", V0Segment: "Segment" },
      },
    },
  ],
  [
    "three entries for one upstream name: each later one is reported against the first",
    {
      given: [rename("V1Segment", "Segment"), rename("V1Segment", "Segment"), rename("V1Segment", "Other")],
      want: {
        diagnostics: [
          { code: "spec.rename-duplicate", severity: "warning", pointer: "/renames/1" },
          {
            code: "spec.rename-conflict",
            severity: "error",
            pointer: "/renames/2",
            hint: /#\/renames\/0 \(→ "Segment"\)/,
          },
        ],
        publicName: { V1Segment: "Segment" },
      },
    },
  ],
];

const located = (d: Diagnostic) => ({ code: d.code, severity: d.severity, pointer: d.location.pointer });

describe("repeated renames", () => {
  it.each(rows)("%s", (_, { given, want }) => {
    const { diagnostics } = mergeSpec(IMPORTED, overlay(given));
    const renameProblems = diagnostics.filter((d) => d.code.startsWith("spec.rename-"));
    expect(renameProblems.map(located)).toEqual(want.diagnostics.map(({ hint: _, ...d }) => d));
    want.diagnostics.forEach((w, i) => {
      expect(renameProblems[i]!.location.file).toBe("spec/overlay/corrections.json");
      if (w.hint) expect(renameProblems[i]!.hint).toMatch(w.hint);
    });
    // Nothing else rides on a repeated entry (before, an exact copy was a collision of the schema with itself).
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(
      want.diagnostics.filter((d) => d.severity === "error").map((d) => d.code),
    );
    const names = publicNameMap(IMPORTED, overlay(given), emptySources(), []);
    const history = renameHistory(overlay(given));
    for (const [upstream, name] of Object.entries(want.publicName)) {
      if (IMPORTED.resources[upstream]) expect(names.get(upstream)).toBe(name);
      expect(history.get(upstream)).toBe(name);
    }
  });
});

describe("spec check, generate and import all report a rename conflict", () => {
  const CONFLICT = { renames: [rename("V1Segment", "Segment"), rename("V1Segment", "TextSegment")] };
  let root: string;
  beforeAll(async () => {
    root = tempDir();
    writeTree(root, {
      "discovery.json": discoveryDoc({
        V1Segment: { properties: { text: { type: "string" } } },
        Holder: { properties: { segment: { $ref: "V1Segment" } } },
      }),
      "spec/overlay/corrections.json": {},
    });
    const first = await runImport({ discovery: join(root, "discovery.json"), specDir: join(root, "spec") }, root);
    expect(first.ok).toBe(true);
    writeTree(root, { "spec/overlay/corrections.json": CONFLICT });
  });

  const conflicts = (diagnostics: Diagnostic[]) =>
    diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.location.file, d.location.pointer]);
  const want = [["spec.rename-conflict", "spec/overlay/corrections.json", "/renames/1"]];

  it.each([
    ["spec check", async () => (await loadSpec(join(root, "spec"), root)).diagnostics],
    ["generate", async () => (await generateFiles(join(root, "spec"), root)).diagnostics],
    [
      "import",
      async () =>
        (await runImport({ discovery: join(root, "discovery.json"), specDir: join(root, "spec"), dryRun: true }, root))
          .diagnostics,
    ],
  ] as const)("%s", async (_, run) => {
    expect(conflicts(await run())).toEqual(want);
  });
});
