// Merging the evidence-based corrections (addedFields, relaxedRequired, addedEnumValues, evidence on
// addedResources) into the IR: one small in-memory spec, one correction per row, with the located diagnostics it must
// give and what it must change. Stale corrections (upstream caught up) are warnings, so loading goes on.
import { describe, expect, it } from "vitest";
import { mergeSpec } from "../../packages/tools/src/spec/merge.ts";
import { formatStats, specStats } from "../../packages/tools/src/spec/stats.ts";
import type {
  Corrections,
  Evidence,
  ImportedField,
  ImportedSpec,
  MethodSpec,
  Overlay,
} from "../../packages/tools/src/spec/layers.ts";
import type { SpecIR } from "../../packages/tools/src/spec/ir.ts";

const method = (id: string, request: string | undefined, response: string): MethodSpec => ({
  id,
  httpMethod: "POST",
  path: `v1beta/{+model}:${id}`,
  flatPath: `v1beta/models/{modelsId}:${id}`,
  parameterOrder: ["model"],
  parameters: { model: { location: "path", type: "string", required: true } },
  ...(request ? { request } : {}),
  response,
});

/** Req → Content ← Res: Content is on both sides, Usage and Model on the response side only, Req on the request side. */
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
    Req: {
      name: "Req",
      fields: {
        contents: { protoName: "contents", type: "ref", ref: "Content", repeated: true },
        label: { protoName: "label", type: "string", required: true },
      },
    },
    Res: {
      name: "Res",
      fields: {
        candidates: { protoName: "candidates", type: "ref", ref: "Content", repeated: true },
        usage: { protoName: "usage", type: "ref", ref: "Usage" },
        finishReason: { protoName: "finish_reason", type: "enum", values: [{ name: "STOP" }, { name: "OTHER" }] },
      },
    },
    Content: {
      name: "Content",
      fields: {
        role: { protoName: "role", type: "string" },
        text: { protoName: "text", type: "string", required: true },
      },
    },
    Usage: { name: "Usage", fields: { tokens: { protoName: "tokens", type: "int32" } } },
    Model: { name: "Model", fields: { baseModelId: { protoName: "base_model_id", type: "string", required: true } } },
  },
  methods: { generate: method("generate", "Req", "Res"), get: method("get", undefined, "Model") },
};

const evidence = (files = 1): Evidence => ({
  source: "shared/fixtures/real",
  seenIn: files,
  examples: Array.from({ length: files }, (_, i) => ({ file: `generate/example-${i}.json`, pointer: "/usage/tier" })),
});
const TIER: ImportedField = { protoName: "tier", type: "enum", values: [{ name: "standard" }], outputOnly: true };
const REASON = "seen in recorded responses";

interface Row {
  given: { corrections: Corrections; enums?: Overlay["enums"] };
  want: { diagnostics: { code: string; severity: "error" | "warning"; pointer: string }[]; ir?: (ir: SpecIR) => void };
}

const field = (ir: SpecIR, path: string) => {
  const [r, j] = path.split(".") as [string, string];
  return ir.resources.get(r)!.fields.find((f) => f.jsonName === j);
};

const rows: [string, Row][] = [
  [
    "an added enum field joins a named enum through usedBy and records its correction",
    {
      given: {
        corrections: { addedFields: [{ field: "Usage.tier", definition: TIER, reason: REASON, evidence: evidence() }] },
        enums: { Tier: { usedBy: ["Usage.tier"] } },
      },
      want: {
        diagnostics: [],
        ir: (ir) => {
          expect(field(ir, "Usage.tier")).toMatchObject({
            type: "enum",
            ref: "Tier",
            outputOnly: true,
            required: false,
            corrected: { kind: "addedField", target: "Usage.tier", reason: REASON },
          });
          expect(ir.enums.get("Tier")!.values.map((v) => v.name)).toEqual(["standard"]);
          expect(ir.corrections!.map((c) => [c.kind, c.target])).toEqual([["addedField", "Usage.tier"]]);
        },
      },
    },
  ],
  [
    "an added field may refer to an added resource, which may carry evidence too",
    {
      given: {
        corrections: {
          addedResources: {
            TokenCount: {
              reason: REASON,
              fields: { parts: { protoName: "parts", type: "int32", repeated: true } },
              evidence: evidence(),
            },
          },
          addedFields: [
            {
              field: "Usage.counts",
              definition: { protoName: "counts", type: "ref", ref: "TokenCount", repeated: true },
              reason: REASON,
              evidence: evidence(),
            },
          ],
        },
      },
      want: {
        diagnostics: [],
        ir: (ir) => {
          expect(field(ir, "Usage.counts")).toMatchObject({ type: "ref", ref: "TokenCount", repeated: true });
          expect(ir.corrections!.map((c) => [c.kind, c.target, c.evidence !== undefined])).toEqual([
            ["addedResource", "TokenCount", true],
            ["addedField", "Usage.counts", true],
          ]);
        },
      },
    },
  ],
  [
    "an added field upstream now defines is a stale correction; upstream's definition stands",
    {
      given: {
        corrections: {
          addedFields: [
            {
              field: "Usage.tokens",
              definition: { protoName: "tokens", type: "string" },
              reason: REASON,
              evidence: evidence(),
            },
          ],
        },
      },
      want: {
        diagnostics: [{ code: "spec.stale-correction", severity: "warning", pointer: "/addedFields/0/field" }],
        ir: (ir) => {
          expect(field(ir, "Usage.tokens")).toMatchObject({ type: "int32" });
          expect(field(ir, "Usage.tokens")!.corrected).toBeUndefined();
          expect(ir.corrections).toEqual([]);
        },
      },
    },
  ],
  [
    "an added field on a resource the spec does not have is a stale correction",
    {
      given: {
        corrections: { addedFields: [{ field: "Gone.tier", definition: TIER, reason: REASON, evidence: evidence() }] },
      },
      want: { diagnostics: [{ code: "spec.stale-correction", severity: "warning", pointer: "/addedFields/0/field" }] },
    },
  ],
  [
    "an added field referring to no resource is an error at its definition",
    {
      given: {
        corrections: {
          addedFields: [
            {
              field: "Usage.counts",
              definition: { protoName: "counts", type: "ref", ref: "Nowhere" },
              reason: REASON,
              evidence: evidence(),
            },
          ],
        },
      },
      want: {
        diagnostics: [{ code: "spec.unresolved-ref", severity: "error", pointer: "/addedFields/0/definition/ref" }],
      },
    },
  ],
  [
    "relaxed everywhere: a both-side field is no longer required",
    {
      given: {
        corrections: {
          relaxedRequired: [{ field: "Content.text", scope: "everywhere", reason: REASON, evidence: evidence() }],
        },
      },
      want: {
        diagnostics: [],
        ir: (ir) =>
          expect(field(ir, "Content.text")).toMatchObject({
            required: false,
            corrected: { kind: "relaxedRequired", scope: "everywhere" },
          }),
      },
    },
  ],
  [
    "relaxed in responses: a response-only resource's field is optional",
    {
      given: {
        corrections: {
          relaxedRequired: [{ field: "Model.baseModelId", scope: "responses", reason: REASON, evidence: evidence() }],
        },
      },
      want: {
        diagnostics: [],
        ir: (ir) =>
          expect(field(ir, "Model.baseModelId")).toMatchObject({
            required: false,
            corrected: { kind: "relaxedRequired", scope: "responses" },
          }),
      },
    },
  ],
  [
    "relaxed in responses on a resource sent both ways is unsupported",
    {
      given: {
        corrections: {
          relaxedRequired: [{ field: "Content.text", scope: "responses", reason: REASON, evidence: evidence() }],
        },
      },
      want: {
        diagnostics: [{ code: "spec.unsupported-correction", severity: "error", pointer: "/relaxedRequired/0/scope" }],
      },
    },
  ],
  [
    "relaxed in responses on a request-only resource is unsupported",
    {
      given: {
        corrections: {
          relaxedRequired: [{ field: "Req.label", scope: "responses", reason: REASON, evidence: evidence() }],
        },
      },
      want: {
        diagnostics: [{ code: "spec.unsupported-correction", severity: "error", pointer: "/relaxedRequired/0/scope" }],
      },
    },
  ],
  [
    "relaxing a field upstream no longer requires is a stale correction",
    {
      given: {
        corrections: {
          relaxedRequired: [{ field: "Content.role", scope: "everywhere", reason: REASON, evidence: evidence() }],
        },
      },
      want: {
        diagnostics: [{ code: "spec.stale-correction", severity: "warning", pointer: "/relaxedRequired/0/field" }],
        ir: (ir) => expect(ir.corrections).toEqual([]),
      },
    },
  ],
  [
    "relaxing a field the spec does not have is a stale correction",
    {
      given: {
        corrections: {
          relaxedRequired: [{ field: "Content.gone", scope: "everywhere", reason: REASON, evidence: evidence() }],
        },
      },
      want: {
        diagnostics: [{ code: "spec.stale-correction", severity: "warning", pointer: "/relaxedRequired/0/field" }],
      },
    },
  ],
  [
    "an added enum value joins the enum, marked as a correction",
    {
      given: {
        corrections: {
          addedEnumValues: [{ enum: "FinishReason", value: "NEW_REASON", reason: REASON, evidence: evidence() }],
        },
        enums: { FinishReason: { usedBy: ["Res.finishReason"] } },
      },
      want: {
        diagnostics: [],
        ir: (ir) => {
          expect(ir.enums.get("FinishReason")!.values.map((v) => [v.name, v.corrected?.kind])).toEqual([
            ["STOP", undefined],
            ["OTHER", undefined],
            ["NEW_REASON", "addedEnumValue"],
          ]);
          expect(ir.corrections!.map((c) => c.target)).toEqual(["FinishReason.NEW_REASON"]);
        },
      },
    },
  ],
  [
    "an added enum value upstream now lists is a stale correction",
    {
      given: {
        corrections: {
          addedEnumValues: [{ enum: "FinishReason", value: "STOP", reason: REASON, evidence: evidence() }],
        },
        enums: { FinishReason: { usedBy: ["Res.finishReason"] } },
      },
      want: {
        diagnostics: [{ code: "spec.stale-correction", severity: "warning", pointer: "/addedEnumValues/0/value" }],
      },
    },
  ],
  [
    "an added value of an enum the spec does not name is a stale correction",
    {
      given: {
        corrections: { addedEnumValues: [{ enum: "Missing", value: "X", reason: REASON, evidence: evidence() }] },
        enums: { FinishReason: { usedBy: ["Res.finishReason"] } },
      },
      want: {
        diagnostics: [{ code: "spec.stale-correction", severity: "warning", pointer: "/addedEnumValues/0/enum" }],
      },
    },
  ],
  [
    "evidence naming more files than it was seen in is an error",
    {
      given: {
        corrections: {
          relaxedRequired: [
            { field: "Content.text", scope: "everywhere", reason: REASON, evidence: { ...evidence(2), seenIn: 1 } },
          ],
        },
      },
      want: {
        diagnostics: [
          { code: "spec.evidence-count", severity: "error", pointer: "/relaxedRequired/0/evidence/seenIn" },
        ],
      },
    },
  ],
];

describe("evidence-based corrections merge into the IR", () => {
  it.each(rows)("%s", (_name, { given, want }) => {
    const overlay: Overlay = {
      resources: {},
      enums: { FinishReason: { usedBy: ["Res.finishReason"] }, ...given.enums },
      methods: {},
      corrections: given.corrections,
    };
    const { ir, diagnostics } = mergeSpec(IMPORTED, overlay);
    expect(diagnostics.map((d) => ({ code: d.code, severity: d.severity, pointer: d.location.pointer }))).toEqual(
      want.diagnostics,
    );
    for (const d of diagnostics) expect(d.location.file).toBe("spec/overlay/corrections.json");
    want.ir?.(ir);
  });
});

describe("spec stats counts the corrections", () => {
  it("by kind, with those lacking evidence and the distinct example files", () => {
    const corrections: Corrections = {
      addedResources: {
        Plain: { reason: REASON, fields: {} },
        TokenCount: { reason: REASON, fields: {}, evidence: evidence(2) },
      },
      addedFields: [{ field: "Usage.tier", definition: TIER, reason: REASON, evidence: evidence(1) }],
      relaxedRequired: [
        {
          field: "Model.baseModelId",
          scope: "responses",
          reason: REASON,
          evidence: {
            source: "shared/fixtures/real",
            seenIn: 1,
            examples: [{ file: "other/models.json", pointer: "/models/0/baseModelId" }],
          },
        },
      ],
      addedEnumValues: [{ enum: "FinishReason", value: "NEW_REASON", reason: REASON, evidence: evidence(1) }],
    };
    const overlay: Overlay = {
      resources: {},
      enums: { FinishReason: { usedBy: ["Res.finishReason"] }, Tier: { usedBy: ["Usage.tier"] } },
      methods: {},
      corrections,
    };
    const { ir, diagnostics } = mergeSpec(IMPORTED, overlay);
    expect(diagnostics).toEqual([]);
    const stats = specStats(ir);
    // example-0 and example-1 of the evidence helper, plus other/models.json.
    expect(stats.corrections).toEqual({
      byKind: { addedResource: 2, addedField: 1, relaxedRequired: 1, addedEnumValue: 1 },
      withoutEvidence: 1,
      exampleFiles: 3,
    });
    expect(formatStats(stats)).toContain(
      "Corrections of upstream: 5 (2 added resources, 1 added fields, 1 relaxed required fields, 1 added enum values, 1 without evidence); evidence from 3 example files",
    );
  });
});
