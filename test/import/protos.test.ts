// Reading oneofs, enum numbers and json_name overrides from .proto files, and matching them to Discovery schemas.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadProtos } from "../../packages/tools/src/import/protos.ts";
import { runImport } from "../../packages/tools/src/import/run.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { discoveryDoc } from "../support/discovery-fragment.ts";
import { tempDir, writeTree } from "../support/tmp.ts";

const PROTO = `syntax = "proto3";
package google.ai.generativelanguage.v1beta;
import "google/protobuf/struct.proto";

message Part {
  oneof data {
    string text = 2;
    Blob inline_data = 3;
  }
  oneof metadata {
    VideoMetadata video_metadata = 14;
  }
  bool thought = 11;
  optional int32 count = 12;
}
message Blob { string mime_type = 1; bytes data = 2; }
message VideoMetadata { string fps = 1; }
message Candidate {
  enum FinishReason {
    FINISH_REASON_UNSPECIFIED = 0;
    STOP = 1;
    OTHER = 5;
    OLD = 7 [deprecated = true];
  }
  FinishReason finish_reason = 1;
}
message GenerationConfig {
  google.protobuf.Value response_json_schema = 24 [json_name = "_responseJsonSchema"];
  google.protobuf.Value response_json_schema_ordered = 28 [json_name = "responseJsonSchema"];
}
`;

describe("proto reading", () => {
  it("finds oneofs (not proto3 optional), enum numbers, deprecation and json_name", async () => {
    const dir = tempDir();
    writeTree(dir, { "content.proto": PROTO });
    const { protos, diagnostics } = await loadProtos(dir);
    expect(diagnostics).toEqual([]);
    const part = protos!.messages.get("google.ai.generativelanguage.v1beta.Part")!;
    expect(part.oneofs).toEqual([
      { name: "data", fields: ["text", "inline_data"] },
      { name: "metadata", fields: ["video_metadata"] },
    ]);
    const reason = protos!.enums.get("google.ai.generativelanguage.v1beta.Candidate.FinishReason")!;
    expect(reason.values).toEqual([
      { name: "FINISH_REASON_UNSPECIFIED", number: 0, deprecated: false },
      { name: "STOP", number: 1, deprecated: false },
      { name: "OTHER", number: 5, deprecated: false },
      { name: "OLD", number: 7, deprecated: true },
    ]);
    const config = protos!.messages.get("google.ai.generativelanguage.v1beta.GenerationConfig")!;
    expect(config.fields.map((f) => [f.name, f.jsonName])).toEqual([
      ["response_json_schema", "_responseJsonSchema"],
      ["response_json_schema_ordered", "responseJsonSchema"],
    ]);
    expect(part.fields.find((f) => f.name === "inline_data")!.type).toBe("google.ai.generativelanguage.v1beta.Blob");
  });

  it("a syntax error names the file and line", async () => {
    const dir = tempDir();
    writeTree(dir, { "bad.proto": 'syntax = "proto3";\nmessage A {\n  string x = ;\n}\n' });
    const { protos, diagnostics } = await loadProtos(dir);
    expect(protos).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "protos.syntax",
        location: expect.objectContaining({ file: join(dir, "bad.proto"), line: 3 }),
      }),
    ]);
  });

  it("enrich an import: proto names, unions limited to Discovery's fields, enum numbers", async () => {
    const root = tempDir();
    writeTree(root, {
      "protos/content.proto": PROTO,
      "discovery.json": discoveryDoc({
        Part: {
          properties: {
            text: { type: "string" },
            inlineData: { $ref: "Blob" },
            thought: { type: "boolean" },
            toolCall: { type: "string" },
          },
        },
        Blob: { properties: { mimeType: { type: "string" }, data: { type: "string", format: "byte" } } },
        Candidate: {
          properties: {
            finishReason: { type: "string", enum: ["FINISH_REASON_UNSPECIFIED", "STOP", "OTHER", "OLD", "NEWER"] },
          },
        },
        GenerationConfig: { properties: { _responseJsonSchema: { type: "any" }, responseJsonSchema: { type: "any" } } },
      }),
    });
    const specDir = join(root, "spec");
    const r = await runImport({ discovery: join(root, "discovery.json"), protos: join(root, "protos"), specDir }, root);
    expect(r.ok).toBe(true);
    const part = r.imported!.resources["Part"]!;
    expect(part.protoMessage).toBe("google.ai.generativelanguage.v1beta.Part");
    // metadata's only member is absent from the document, so that oneof is dropped.
    expect(part.unions).toEqual([{ name: "data", members: ["text", "inlineData"] }]);
    expect(part.fields["inlineData"]!.protoName).toBe("inline_data");
    expect(part.fields["toolCall"]!.protoName).toBe("tool_call");
    expect(r.imported!.resources["GenerationConfig"]!.fields["responseJsonSchema"]!.protoName).toBe(
      "response_json_schema_ordered",
    );
    expect(r.imported!.resources["Candidate"]!.fields["finishReason"]!.values).toEqual([
      { name: "FINISH_REASON_UNSPECIFIED", number: 0 },
      { name: "STOP", number: 1 },
      { name: "OTHER", number: 5 },
      { name: "OLD", number: 7, deprecated: true },
      { name: "NEWER" },
    ]);
    const { ir } = await loadSpec(specDir);
    expect(ir!.resources.get("Part")!.fields.find((f) => f.jsonName === "text")!.union).toBe("data");
  });
});
