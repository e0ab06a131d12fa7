// spec learn --write's merge into corrections.json: nothing written by people is overwritten or dropped, the same
// field or enum value is one entry whose evidence grows, and a write after which the spec no longer loads is undone.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { proposedReason, type LearnedCorrections } from "../../packages/tools/src/learn/propose.ts";
import { mergeCorrections, mergeEvidence, writeCorrections } from "../../packages/tools/src/learn/write.ts";
import type { Corrections, Evidence } from "../../packages/tools/src/spec/layers.ts";
import { copyTree, tempDir } from "../support/tmp.ts";
import { SPEC_DIR } from "./support.ts";

const ev = (source: string, seenIn: number, ...files: string[]): Evidence => ({
  source,
  seenIn,
  examples: files.map((file) => ({ file, pointer: "/x" })),
});
const none: LearnedCorrections = { addedResources: {}, addedFields: [], relaxedRequired: [], addedEnumValues: [] };
const HUMAN = "Seen in every recording since March; the tier that served the request.";

describe("mergeEvidence", () => {
  const rows: [string, { given: [Evidence | undefined, Evidence]; want: Evidence }][] = [
    [
      "nothing before: the new evidence",
      { given: [undefined, ev("a", 2, "1.json", "2.json")], want: ev("a", 2, "1.json", "2.json") },
    ],
    [
      "same source: the larger count, examples pooled up to three",
      {
        given: [ev("a", 2, "1.json", "2.json"), ev("a", 5, "2.json", "3.json", "4.json")],
        want: ev("a", 5, "1.json", "2.json", "3.json"),
      },
    ],
    [
      "same source spelled from elsewhere (../): still the same",
      {
        given: [ev("shared/real", 9, "1.json"), ev("../shared/real", 3, "2.json")],
        want: ev("shared/real", 9, "1.json", "2.json"),
      },
    ],
    [
      "another source showing it in more files replaces it",
      { given: [ev("a", 2, "1.json"), ev("b", 7, "9.json")], want: ev("b", 7, "9.json") },
    ],
    [
      "another source showing it in fewer files is dropped",
      { given: [ev("a", 7, "1.json"), ev("b", 2, "9.json")], want: ev("a", 7, "1.json") },
    ],
  ];
  it.each(rows)("%s", (_name, { given, want }) => expect(mergeEvidence(...given)).toEqual(want));
});

describe("mergeCorrections", () => {
  const existing: Corrections = {
    renames: [{ upstream: "Old", name: "New", reason: "a stable name for a renamed schema" }],
    addedFields: [
      {
        field: "UsageMetadata.serviceTier",
        definition: { protoName: "service_tier", type: "enum" },
        reason: HUMAN,
        evidence: ev("a", 3, "1.json"),
      },
    ],
    relaxedRequired: [
      { field: "Model.version", scope: "responses", reason: proposedReason(1), evidence: ev("a", 1, "1.json") },
    ],
  };
  const rows: [
    string,
    { given: LearnedCorrections; want: { corrections: Corrections; added: number; updated: number } },
  ][] = [
    ["nothing learned: nothing changes", { given: none, want: { corrections: existing, added: 0, updated: 0 } }],
    [
      "the same field: the definition and the reason someone wrote stay, the evidence grows",
      {
        given: {
          ...none,
          addedFields: [
            {
              field: "UsageMetadata.serviceTier",
              definition: { protoName: "service_tier", type: "string" },
              reason: proposedReason(5),
              evidence: ev("a", 5, "2.json"),
            },
          ],
        },
        want: {
          corrections: {
            ...existing,
            addedFields: [{ ...existing.addedFields![0]!, evidence: ev("a", 5, "1.json", "2.json") }],
          },
          added: 0,
          updated: 1,
        },
      },
    ],
    [
      "the same relaxation seen in requests too: the scope widens, the proposal's reason follows the count",
      {
        given: {
          ...none,
          relaxedRequired: [
            { field: "Model.version", scope: "everywhere", reason: proposedReason(2), evidence: ev("a", 2, "3.json") },
          ],
        },
        want: {
          corrections: {
            ...existing,
            relaxedRequired: [
              {
                field: "Model.version",
                scope: "everywhere",
                reason: proposedReason(2),
                evidence: ev("a", 2, "1.json", "3.json"),
              },
            ],
          },
          added: 0,
          updated: 1,
        },
      },
    ],
    [
      "new entries are appended after the existing ones, new kinds after the existing keys",
      {
        given: {
          ...none,
          addedFields: [
            {
              field: "Part.extra",
              definition: { protoName: "extra", type: "string" },
              reason: proposedReason(1),
              evidence: ev("a", 1, "4.json"),
            },
          ],
          addedEnumValues: [
            { enum: "FinishReason", value: "NEW", reason: proposedReason(1), evidence: ev("a", 1, "4.json") },
          ],
        },
        want: {
          corrections: {
            ...existing,
            addedFields: [
              ...existing.addedFields!,
              {
                field: "Part.extra",
                definition: { protoName: "extra", type: "string" },
                reason: proposedReason(1),
                evidence: ev("a", 1, "4.json"),
              },
            ],
            addedEnumValues: [
              { enum: "FinishReason", value: "NEW", reason: proposedReason(1), evidence: ev("a", 1, "4.json") },
            ],
          },
          added: 2,
          updated: 0,
        },
      },
    ],
  ];
  it.each(rows)("%s", (_name, { given, want }) => {
    const before = structuredClone(existing);
    const merged = mergeCorrections(existing, given);
    expect(merged).toEqual(want);
    expect(Object.keys(merged.corrections)).toEqual(Object.keys(want.corrections));
    expect(existing, "the input is not changed").toEqual(before);
  });

  it("evidence updates reach only entries that hold evidence for that target", () => {
    const merged = mergeCorrections(existing, none, [
      { kind: "addedField", target: "UsageMetadata.serviceTier", evidence: ev("a", 4, "5.json") },
      { kind: "addedField", target: "Candidate.index", evidence: ev("a", 9, "6.json") },
    ]);
    expect(merged.updated).toBe(1);
    expect(merged.corrections.addedFields).toEqual([
      { ...existing.addedFields![0]!, evidence: ev("a", 4, "1.json", "5.json") },
    ]);
  });
});

describe("writeCorrections", () => {
  it("puts the old file back when the spec does not load with the new corrections", async () => {
    const spec = join(tempDir("gtk-learn-write-"), "spec");
    copyTree(SPEC_DIR, spec);
    const file = join(spec, "overlay", "corrections.json");
    const before = readFileSync(file, "utf8");
    const broken: LearnedCorrections = {
      ...none,
      addedFields: [
        {
          field: "Candidate.extra",
          definition: { protoName: "extra", type: "ref", ref: "NoSuchResource" },
          reason: proposedReason(1),
          evidence: ev("a", 1, "1.json"),
        },
      ],
    };
    const outcome = await writeCorrections(spec, broken, [], spec);
    expect(outcome.ok).toBe(false);
    expect(outcome.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["learn.write-refused"]));
    expect(outcome.diagnostics.some((d) => d.severity === "error" && d.code !== "learn.write-refused")).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("refuses a corrections.json that is not JSON, with its line and column, and leaves it", async () => {
    const spec = join(tempDir("gtk-learn-write-"), "spec");
    copyTree(SPEC_DIR, spec);
    const file = join(spec, "overlay", "corrections.json");
    writeFileSync(file, '{\n  "renames": [],\n}\n');
    const outcome = await writeCorrections(
      spec,
      {
        ...none,
        addedEnumValues: [
          { enum: "FinishReason", value: "NEW", reason: proposedReason(1), evidence: ev("a", 1, "1.json") },
        ],
      },
      [],
      spec,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.diagnostics[0]?.location).toMatchObject({ line: 3, column: 1 });
    expect(readFileSync(file, "utf8")).toBe('{\n  "renames": [],\n}\n');
  });
});
