// The project's own spec/: it loads cleanly, names every enum, records what the issue asks of it, describes the
// core methods' closure completely, and its descriptions are not upstream's text.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { CORE_METHODS, methodClosure } from "../../packages/tools/src/spec/method-closure.ts";
import type { SpecIR } from "../../packages/tools/src/spec/ir.ts";
import type { Diagnostic } from "../../packages/tools/src/diagnostics.ts";
import { hasShared, PROJECT_ROOT, UPSTREAM } from "../support/shared.ts";

let ir: SpecIR;
let diagnostics: Diagnostic[];

beforeAll(async () => {
  const loaded = await loadSpec(join(PROJECT_ROOT, "spec"), PROJECT_ROOT);
  diagnostics = loaded.diagnostics;
  ir = loaded.ir!;
});

const field = (path: string) => {
  const [r, f] = path.split(".") as [string, string];
  return ir.resources.get(r)!.fields.find((x) => x.jsonName === f)!;
};

describe("the committed spec", () => {
  it("loads with no errors and no warnings", () => {
    expect(diagnostics).toEqual([]);
    expect(ir).toBeDefined();
  });

  it("names every enum, and the named ones the API reference uses", () => {
    expect([...ir.enums.values()].filter((e) => !e.named).map((e) => e.name)).toEqual([]);
    const want: [string, string][] = [
      ["FinishReason", "Candidate.finishReason"],
      ["HarmCategory", "SafetySetting.category"],
      ["HarmCategory", "SafetyRating.category"],
      ["HarmProbability", "SafetyRating.probability"],
      ["HarmBlockThreshold", "SafetySetting.threshold"],
      ["BlockReason", "PromptFeedback.blockReason"],
      ["Modality", "ModalityTokenCount.modality"],
      ["MediaResolution", "GenerationConfig.mediaResolution"],
      ["ThinkingLevel", "ThinkingConfig.thinkingLevel"],
      ["UrlRetrievalStatus", "UrlMetadata.urlRetrievalStatus"],
      ["State", "File.state"],
      ["Type", "Schema.type"],
    ];
    for (const [name, path] of want) expect([name, field(path).ref]).toEqual([name, name]);
  });

  it("keeps proto numbers and deprecation on enum values", () => {
    const reasons = new Map(ir.enums.get("FinishReason")!.values.map((v) => [v.name, v]));
    expect(reasons.get("STOP")!.number).toBe(1);
    expect(reasons.get("LANGUAGE")!.number).toBe(6);
    expect(reasons.get("MALFORMED_RESPONSE")!.number).toBeUndefined(); // newer than the protos
    expect([...ir.enums.get("HarmCategory")!.values].filter((v) => v.deprecated).length).toBeGreaterThan(0);
  });

  it("has the oneofs of the protos, plus members the protos predate", () => {
    const unions = (r: string) => Object.fromEntries(ir.resources.get(r)!.unions.map((u) => [u.name, u.members]));
    expect(unions("Part")).toEqual({
      data: [
        "text",
        "inlineData",
        "functionCall",
        "functionResponse",
        "fileData",
        "executableCode",
        "codeExecutionResult",
        "toolCall",
        "toolResponse",
      ],
      metadata: ["videoMetadata"],
    });
    expect(unions("AttributionSourceId")).toEqual({ source: ["groundingPassage", "semanticRetrieverChunk"] });
    expect(unions("GroundingChunk")).toEqual({ chunk_type: ["web", "retrievedContext", "maps", "image"] });
    expect(unions("VoiceConfig")).toEqual({ voice_config: ["prebuiltVoiceConfig"] });
    expect(unions("File")).toEqual({ metadata: ["videoMetadata"] });
  });

  it("records the aliases, stable names and the dangling-ref correction", () => {
    expect(field("GenerationConfig.responseJsonSchema").aliases).toEqual(["_responseJsonSchema"]);
    expect(field("GenerationConfig._responseJsonSchema").aliasOf).toBe("responseJsonSchema");
    expect(ir.resources.get("GroundingSupport")!.upstreamName).toBe(
      "GoogleAiGenerativelanguageV1alphaGroundingSupport",
    );
    expect(ir.resources.get("Segment")!.upstreamName).toBe("GoogleAiGenerativelanguageV1alphaSegment");
    expect(field("GroundingMetadata.groundingSupports").ref).toBe("GroundingSupport");
    expect(field("Part.mediaResolution").ref).toBe("PartMediaResolution");
    expect(ir.enums.get("PartMediaResolutionLevel")!.values.map((v) => v.name)).toContain(
      "MEDIA_RESOLUTION_ULTRA_HIGH",
    );
  });

  it("has the error envelope, its canonical codes and the typed error details", () => {
    expect(field("ErrorResponse.error")).toMatchObject({ type: "ref", ref: "ErrorStatus", required: true });
    expect(ir.resources.get("ErrorStatus")!.fields.map((f) => [f.jsonName, f.type, f.ref ?? null])).toEqual([
      ["code", "int32", null],
      ["message", "string", null],
      ["status", "enum", "RpcCode"],
      ["details", "any", "ErrorDetail"],
    ]);
    const codes = ir.enums.get("RpcCode")!;
    expect(codes.protoEnum).toBe("google.rpc.Code");
    expect(codes.values.map((v) => [v.number, v.name])).toEqual(
      [
        "OK",
        "CANCELLED",
        "UNKNOWN",
        "INVALID_ARGUMENT",
        "DEADLINE_EXCEEDED",
        "NOT_FOUND",
        "ALREADY_EXISTS",
        "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED",
        "FAILED_PRECONDITION",
        "ABORTED",
        "OUT_OF_RANGE",
        "UNIMPLEMENTED",
        "INTERNAL",
        "UNAVAILABLE",
        "DATA_LOSS",
        "UNAUTHENTICATED",
      ].map((n, i) => [i, n]),
    );
    const known = ["BadRequest", "DebugInfo", "ErrorInfo", "Help", "LocalizedMessage", "QuotaFailure", "RetryInfo"];
    expect(ir.anyTypes.get("ErrorDetail")!.members).toEqual(
      known.map((n) => ({ typeUrl: `type.googleapis.com/google.rpc.${n}`, resource: n })),
    );
    for (const n of known) expect([n, ir.resources.get(n)!.protoMessage]).toEqual([n, `google.rpc.${n}`]);
    expect(field("Status.details")).toMatchObject({ type: "any", ref: "ErrorDetail", repeated: true });
    expect(field("RetryInfo.retryDelay").type).toBe("duration");
    expect(field("QuotaFailureViolation.quotaValue").type).toBe("int64");
    expect(field("QuotaFailureViolation.quotaDimensions")).toMatchObject({ type: "string", map: true });
    expect(field("BadRequestFieldViolation.localizedMessage").ref).toBe("LocalizedMessage");
  });

  it("describes the error envelope and every detail message completely", () => {
    const missing: string[] = [];
    const resources = [
      "ErrorResponse",
      "ErrorStatus",
      ...ir.anyTypes.get("ErrorDetail")!.members.map((m) => m.resource),
      "QuotaFailureViolation",
      "BadRequestFieldViolation",
      "HelpLink",
    ];
    for (const name of resources) {
      const r = ir.resources.get(name)!;
      if (!r.description) missing.push(name);
      for (const f of r.fields) if (!f.description) missing.push(`${name}.${f.jsonName}`);
    }
    if (!ir.anyTypes.get("ErrorDetail")!.description) missing.push("ErrorDetail");
    const codes = ir.enums.get("RpcCode")!;
    if (!codes.description) missing.push("RpcCode");
    for (const v of codes.values) if (!v.description) missing.push(`RpcCode.${v.name}`);
    expect(missing).toEqual([]);
  });

  it("marks required, output-only and wire types", () => {
    expect(field("FunctionCall.name").required).toBe(true);
    expect(field("Candidate.finishReason").outputOnly).toBe(true);
    expect(field("File.sizeBytes").type).toBe("int64");
    expect(field("File.createTime").type).toBe("timestamp");
    expect(field("VideoFileMetadata.videoDuration").type).toBe("duration");
    expect(field("Blob.data").type).toBe("bytes");
    expect(ir.methods.get("models.streamGenerateContent")!.streaming).toBe("server");
    expect(ir.methods.get("models.generateContent")!.streaming).toBeUndefined();
  });

  it("has the Live API: both envelopes with their oneofs on their sides of the pseudo-method, and the Live usage metadata", () => {
    const live = ir.methods.get("live.bidiGenerateContent")!;
    expect([live.request, live.response, live.streaming]).toEqual([
      "BidiGenerateContentClientMessage",
      "BidiGenerateContentServerMessage",
      "bidi",
    ]);
    const unions = (r: string) => Object.fromEntries(ir.resources.get(r)!.unions.map((u) => [u.name, u.members]));
    expect(unions("BidiGenerateContentClientMessage")).toEqual({
      message_type: ["setup", "clientContent", "realtimeInput", "toolResponse"],
    });
    expect(unions("BidiGenerateContentServerMessage")).toEqual({
      message_type: [
        "setupComplete",
        "serverContent",
        "toolCall",
        "toolCallCancellation",
        "goAway",
        "sessionResumptionUpdate",
      ],
    });
    expect(field("BidiGenerateContentServerMessage.usageMetadata").ref).toBe("LiveUsageMetadata");
    expect(ir.resources.get("LiveUsageMetadata")!.fields.map((f) => f.jsonName)).toContain("responseTokenCount");
    expect(field("GoAway.timeLeft").type).toBe("duration");
    // Discovery's Setup (newer than the proto) is the one used.
    expect(field("BidiGenerateContentSetup.historyConfig").ref).toBe("HistoryConfig");
    for (const [path, e] of [
      ["AutomaticActivityDetection.startOfSpeechSensitivity", "StartSensitivity"],
      ["AutomaticActivityDetection.endOfSpeechSensitivity", "EndSensitivity"],
      ["RealtimeInputConfig.activityHandling", "ActivityHandling"],
      ["RealtimeInputConfig.turnCoverage", "TurnCoverage"],
    ] as const)
      expect([path, field(path).ref]).toEqual([path, e]);
  });

  it("describes everything the core methods can reach", () => {
    const reach = methodClosure(ir, CORE_METHODS);
    expect(reach.methods.size).toBe(CORE_METHODS.length);
    const missing: string[] = [];
    for (const id of reach.methods) if (!ir.methods.get(id)!.description) missing.push(`method ${id}`);
    for (const name of reach.resources) {
      const r = ir.resources.get(name)!;
      if (!r.description) missing.push(name);
      for (const f of r.fields) if (!f.description) missing.push(`${name}.${f.jsonName}`);
      for (const u of r.unions) if (!u.description) missing.push(`${name}#oneof:${u.name}`);
    }
    for (const name of reach.anyTypes) if (!ir.anyTypes.get(name)!.description) missing.push(`any type ${name}`);
    for (const name of reach.enums) {
      const e = ir.enums.get(name)!;
      if (!e.description) missing.push(`enum ${name}`);
      for (const v of e.values) if (!v.description) missing.push(`${name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});

/** Runs of `n` consecutive words two texts share (case and punctuation folded). */
function sharedRuns(a: string, b: string, n: number): string[] {
  const words = (t: string) => t.toLowerCase().match(/[a-z0-9_]+/g) ?? [];
  const grams = (w: string[]) =>
    new Set(w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(" ")));
  const mine = grams(words(a));
  return [...grams(words(b))].filter((g) => mine.has(g));
}

describe.skipIf(!hasShared)("descriptions are our own words", () => {
  it("the overlap check itself finds a copied sentence", () => {
    expect(
      sharedRuns(
        "Output only. The reason why the model stopped generating tokens here.",
        "The reason why the model stopped generating tokens. If empty, the model has not stopped.",
        8,
      ),
    ).toHaveLength(1);
  });

  it("no description shares 8 or more consecutive words with upstream's text for the same item", () => {
    const doc = JSON.parse(readFileSync(UPSTREAM.discovery, "utf8")) as {
      schemas: Record<
        string,
        {
          description?: string;
          properties: Record<string, { description?: string; enum?: string[]; enumDescriptions?: string[] }>;
        }
      >;
    };
    const copied: string[] = [];
    const check = (what: string, ours: string, theirs: string | undefined) => {
      if (ours && theirs && sharedRuns(ours, theirs, 8).length > 0) copied.push(what);
    };
    for (const r of ir.resources.values()) {
      const up = doc.schemas[r.upstreamName];
      if (!up) continue;
      check(r.name, r.description, up.description);
      for (const f of r.fields) check(`${r.name}.${f.jsonName}`, f.description, up.properties[f.jsonName]?.description);
    }
    for (const e of ir.enums.values())
      for (const path of e.usedBy) {
        const [rn, fn] = path.split(".") as [string, string];
        const prop = doc.schemas[ir.resources.get(rn)!.upstreamName]?.properties[fn];
        for (const v of e.values)
          check(`${e.name}.${v.name}`, v.description, prop?.enumDescriptions?.[prop.enum?.indexOf(v.name) ?? -1]);
      }
    expect(copied).toEqual([]);
  });
});
