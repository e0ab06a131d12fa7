// The Live API from the protos (packages/tools/src/import/live.ts): messages Discovery lacks are added with their
// types, flags and oneofs, a taken name gets the "Live" prefix, Discovery's own Live messages win and gain only the
// proto's extra fields, and the pseudo-method live.bidiGenerateContent joins the methods.
import { describe, expect, it } from "vitest";
import { loadProtos, type ProtoSet } from "../../packages/tools/src/import/protos.ts";
import { addLiveApi, LIVE_METHOD } from "../../packages/tools/src/import/live.ts";
import type { ImportedResource, MethodSpec } from "../../packages/tools/src/spec/layers.ts";
import type { Diagnostic } from "../../packages/tools/src/diagnostics.ts";
import { tempDir, writeTree } from "../support/tmp.ts";

const PKG = "google.ai.generativelanguage.v1beta";

const SERVICE = `
service GenerativeService {
  rpc BidiGenerateContent(stream BidiGenerateContentClientMessage) returns (stream BidiGenerateContentServerMessage) {}
}`;

const MESSAGES = `
message BidiGenerateContentClientMessage {
  oneof message_type {
    BidiGenerateContentSetup setup = 1 [(google.api.field_behavior) = OPTIONAL];
    BidiGenerateContentRealtimeInput realtime_input = 3;
  }
}
message BidiGenerateContentSetup {
  string model = 1 [(google.api.field_behavior) = REQUIRED];
  bool proto_only = 9;
}
message BidiGenerateContentRealtimeInput {
  message ActivityStart {}
  Blob audio = 2;
  ActivityStart activity_start = 6;
}
message Blob { string mime_type = 1; bytes data = 2; }
message BidiGenerateContentServerMessage {
  oneof message_type {
    GoAway go_away = 6 [(google.api.field_behavior) = OUTPUT_ONLY];
  }
  UsageMetadata usage_metadata = 10 [(google.api.field_behavior) = OUTPUT_ONLY, (google.api.field_behavior) = IMMUTABLE];
}
message GoAway {
  enum Reason { REASON_UNSPECIFIED = 0; DRAINING = 3; }
  google.protobuf.Duration time_left = 1;
  int64 handle_count = 2;
  repeated string ids = 3;
  map<string, int32> counts = 4;
  Reason reason = 5 [deprecated = true];
}
message UsageMetadata { int32 response_token_count = 2; }
message GenerateContentResponse { message UsageMetadata { int32 candidates_token_count = 2; } }
`;

const proto = (body: string) =>
  `syntax = "proto3";\npackage ${PKG};\nimport "google/protobuf/duration.proto";\n${body}`;

/** What Discovery gives: Blob and Setup (with a field the proto lacks), and the REST UsageMetadata. */
function discoveryResources(extra: Record<string, ImportedResource> = {}): Record<string, ImportedResource> {
  return {
    Blob: {
      name: "Blob",
      protoMessage: `${PKG}.Blob`,
      fields: { mimeType: { protoName: "mime_type", type: "string" }, data: { protoName: "data", type: "bytes" } },
    },
    BidiGenerateContentSetup: {
      name: "BidiGenerateContentSetup",
      protoMessage: `${PKG}.BidiGenerateContentSetup`,
      fields: {
        model: { protoName: "model", type: "string", required: true },
        historyConfig: { protoName: "history_config", type: "struct" },
      },
    },
    UsageMetadata: {
      name: "UsageMetadata",
      protoMessage: `${PKG}.GenerateContentResponse.UsageMetadata`,
      fields: { candidatesTokenCount: { protoName: "candidates_token_count", type: "int32" } },
    },
    ...extra,
  };
}

async function protosOf(text: string): Promise<ProtoSet> {
  const dir = tempDir();
  writeTree(dir, { "generative_service.proto": text });
  const { protos, diagnostics } = await loadProtos(dir);
  expect(diagnostics).toEqual([]);
  return protos!;
}

async function run(text: string, resources = discoveryResources()) {
  const methods: Record<string, MethodSpec> = {};
  const diagnostics: Diagnostic[] = [];
  addLiveApi(resources, methods, await protosOf(text), diagnostics);
  return { resources, methods, diagnostics };
}

type Row = [string, { given: { path: string }; want: unknown }];

describe("Live messages from the protos", () => {
  const rows: Row[] = [
    [
      "a new envelope keeps its oneof",
      {
        given: { path: "BidiGenerateContentClientMessage.unions" },
        want: [{ name: "message_type", members: ["setup", "realtimeInput"] }],
      },
    ],
    [
      "OUTPUT_ONLY becomes outputOnly",
      {
        given: { path: "BidiGenerateContentServerMessage.fields.goAway" },
        want: { protoName: "go_away", type: "ref", ref: "GoAway", outputOnly: true },
      },
    ],
    [
      "every field_behavior of a field counts; a taken name gets the Live prefix",
      {
        given: { path: "BidiGenerateContentServerMessage.fields.usageMetadata" },
        want: { protoName: "usage_metadata", type: "ref", ref: "LiveUsageMetadata", outputOnly: true, immutable: true },
      },
    ],
    [
      "the prefixed resource keeps its proto message",
      { given: { path: "LiveUsageMetadata.protoMessage" }, want: `${PKG}.UsageMetadata` },
    ],
    [
      "Duration is a duration",
      { given: { path: "GoAway.fields.timeLeft" }, want: { protoName: "time_left", type: "duration" } },
    ],
    [
      "int64 is int64 (a decimal string on the wire)",
      { given: { path: "GoAway.fields.handleCount" }, want: { protoName: "handle_count", type: "int64" } },
    ],
    ["repeated", { given: { path: "GoAway.fields.ids" }, want: { protoName: "ids", type: "string", repeated: true } }],
    ["map", { given: { path: "GoAway.fields.counts" }, want: { protoName: "counts", type: "int32", map: true } }],
    [
      "an enum with its numbers, its proto name and deprecation",
      {
        given: { path: "GoAway.fields.reason" },
        want: {
          protoName: "reason",
          type: "enum",
          protoEnum: `${PKG}.GoAway.Reason`,
          values: [
            { name: "REASON_UNSPECIFIED", number: 0 },
            { name: "DRAINING", number: 3 },
          ],
          deprecated: true,
        },
      },
    ],
    [
      "a nested message is named by its simple name",
      {
        given: { path: "BidiGenerateContentRealtimeInput.fields.activityStart" },
        want: { protoName: "activity_start", type: "ref", ref: "ActivityStart" },
      },
    ],
    [
      "a message Discovery has is referred to by Discovery's name",
      {
        given: { path: "BidiGenerateContentRealtimeInput.fields.audio" },
        want: { protoName: "audio", type: "ref", ref: "Blob" },
      },
    ],
    [
      "Discovery's Setup keeps its own fields",
      {
        given: { path: "BidiGenerateContentSetup.fields.historyConfig" },
        want: { protoName: "history_config", type: "struct" },
      },
    ],
    [
      "Discovery's Setup gains the proto-only field",
      {
        given: { path: "BidiGenerateContentSetup.fields.protoOnly" },
        want: { protoName: "proto_only", type: "boolean" },
      },
    ],
    [
      "a Discovery message outside the Live names gains nothing",
      { given: { path: "Blob.fields" }, want: discoveryResources()["Blob"]!.fields },
    ],
    [
      "the REST UsageMetadata stays as it is",
      { given: { path: "UsageMetadata.protoMessage" }, want: `${PKG}.GenerateContentResponse.UsageMetadata` },
    ],
  ];
  it.each(rows)("%s", async (_name, { given, want }) => {
    const { resources, diagnostics } = await run(proto(MESSAGES + SERVICE));
    expect(diagnostics).toEqual([]);
    const value = given.path
      .split(".")
      .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], resources);
    expect(value).toEqual(want);
  });

  it("adds the pseudo-method with the envelopes on each side and bidi streaming", async () => {
    const { methods } = await run(proto(MESSAGES + SERVICE));
    expect(methods).toEqual({
      [LIVE_METHOD.id]: {
        id: "live.bidiGenerateContent",
        httpMethod: "GET",
        path: `ws/${PKG}.GenerativeService.BidiGenerateContent`,
        flatPath: `ws/${PKG}.GenerativeService.BidiGenerateContent`,
        parameterOrder: [],
        parameters: {},
        request: "BidiGenerateContentClientMessage",
        response: "BidiGenerateContentServerMessage",
        streaming: "bidi",
      },
    });
  });

  it("adds nothing when the protos have no BidiGenerateContent rpc", async () => {
    const { resources, methods, diagnostics } = await run(proto(MESSAGES));
    expect([diagnostics, methods, Object.keys(resources).sort()]).toEqual([
      [],
      {},
      ["BidiGenerateContentSetup", "Blob", "UsageMetadata"],
    ]);
  });

  it("reports a message whose name and Live name are both taken, and leaves the field out (the import stops on the error)", async () => {
    const taken = discoveryResources({ LiveUsageMetadata: { name: "LiveUsageMetadata", fields: {} } });
    const { resources, diagnostics } = await run(proto(MESSAGES + SERVICE), taken);
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([["error", "import.live-name-collision"]]);
    expect(diagnostics[0]!.message).toContain(`${PKG}.UsageMetadata`);
    expect(Object.keys(resources["BidiGenerateContentServerMessage"]!.fields)).toEqual(["goAway"]);
  });
});
