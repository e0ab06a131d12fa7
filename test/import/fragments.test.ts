// The importer on small hand-written Discovery fragments, one feature per case.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { runImport } from "../../packages/tools/src/import/run.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import type { ImportedField } from "../../packages/tools/src/spec/layers.ts";
import { discoveryDoc, generateContentMethod } from "../support/discovery-fragment.ts";
import { tempDir, writeTree } from "../support/tmp.ts";

/** Imports `doc` into a fresh spec dir (with an optional overlay) and returns the run and the dir. */
async function importDoc(doc: unknown, overlay: Record<string, unknown> = {}, specDir = join(tempDir(), "spec")) {
  const root = join(specDir, "..");
  writeTree(root, { "discovery.json": typeof doc === "string" ? doc : doc });
  writeTree(specDir, Object.fromEntries(Object.entries(overlay).map(([k, v]) => [`overlay/${k}`, v])));
  const result = await runImport({ discovery: join(root, "discovery.json"), specDir }, root);
  return { result, specDir };
}

const fieldOf = (specDir: string, resource: string, field: string): ImportedField =>
  JSON.parse(readFileSync(join(specDir, "imported/resources", `${resource}.json`), "utf8")).fields[field];

describe("property types", () => {
  const rows: [string, { given: Record<string, unknown>; want: Partial<ImportedField> }][] = [
    ["plain string", { given: { type: "string" }, want: { type: "string" } }],
    ["boolean", { given: { type: "boolean" }, want: { type: "boolean" } }],
    ["int32", { given: { type: "integer", format: "int32" }, want: { type: "int32" } }],
    ["uint32", { given: { type: "integer", format: "uint32" }, want: { type: "uint32" } }],
    ["int64 as string", { given: { type: "string", format: "int64" }, want: { type: "int64" } }],
    ["uint64 as string", { given: { type: "string", format: "uint64" }, want: { type: "uint64" } }],
    ["float", { given: { type: "number", format: "float" }, want: { type: "float" } }],
    ["double", { given: { type: "number", format: "double" }, want: { type: "double" } }],
    ["bytes", { given: { type: "string", format: "byte" }, want: { type: "bytes" } }],
    ["timestamp", { given: { type: "string", format: "google-datetime" }, want: { type: "timestamp" } }],
    ["duration", { given: { type: "string", format: "google-duration" }, want: { type: "duration" } }],
    ["field mask", { given: { type: "string", format: "google-fieldmask" }, want: { type: "fieldMask" } }],
    ["any → Value", { given: { type: "any" }, want: { type: "value" } }],
    [
      "object of any → Struct",
      { given: { type: "object", additionalProperties: { type: "any" } }, want: { type: "struct" } },
    ],
    [
      "array of strings",
      { given: { type: "array", items: { type: "string" } }, want: { type: "string", repeated: true } },
    ],
    [
      "array of int64",
      { given: { type: "array", items: { type: "string", format: "int64" } }, want: { type: "int64", repeated: true } },
    ],
    [
      "array of Struct",
      {
        given: { type: "array", items: { type: "object", additionalProperties: { type: "any" } } },
        want: { type: "struct", repeated: true },
      },
    ],
    [
      "map of refs",
      {
        given: { type: "object", additionalProperties: { $ref: "Other" } },
        want: { type: "ref", ref: "Other", map: true },
      },
    ],
    [
      "map of strings",
      { given: { type: "object", additionalProperties: { type: "string" } }, want: { type: "string", map: true } },
    ],
    ["ref", { given: { $ref: "Other" }, want: { type: "ref", ref: "Other" } }],
    [
      "array of refs",
      { given: { type: "array", items: { $ref: "Other" } }, want: { type: "ref", ref: "Other", repeated: true } },
    ],
    [
      "readOnly → outputOnly",
      { given: { type: "string", readOnly: true }, want: { type: "string", outputOnly: true } },
    ],
    [
      "Required. prefix",
      { given: { type: "string", description: "Required. The name." }, want: { type: "string", required: true } },
    ],
    [
      "stacked prefixes",
      {
        given: { type: "string", description: "Optional. Input only. Immutable. A thing." },
        want: { type: "string", inputOnly: true, immutable: true },
      },
    ],
    [
      "Output only. prefix",
      {
        given: { type: "string", description: "Output only. Set by the server." },
        want: { type: "string", outputOnly: true },
      },
    ],
    [
      "'required' later in the text is not a flag",
      { given: { type: "string", description: "The thing. Required for X." }, want: { type: "string" } },
    ],
  ];
  it.each(rows)("%s", async (_name, { given, want }) => {
    const { result, specDir } = await importDoc(
      discoveryDoc({ Thing: { properties: { someField: given } }, Other: { properties: {} } }),
    );
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const field = fieldOf(specDir, "Thing", "someField");
    expect(field).toEqual({ protoName: "some_field", ...want });
  });
});

describe("inline enums", () => {
  it("records values in order, with deprecation, and names them through the overlay", async () => {
    const doc = discoveryDoc({
      Candidate: {
        properties: {
          finishReason: {
            type: "string",
            enum: ["FINISH_REASON_UNSPECIFIED", "STOP", "OLD"],
            enumDeprecated: [false, false, true],
            enumDescriptions: ["a", "b", "c"],
          },
        },
      },
    });
    const { result, specDir } = await importDoc(doc, {
      "enums/FinishReason.json": { usedBy: ["Candidate.finishReason"], values: { STOP: "Finished normally." } },
    });
    expect(result.ok).toBe(true);
    expect(fieldOf(specDir, "Candidate", "finishReason")).toEqual({
      protoName: "finish_reason",
      type: "enum",
      values: [{ name: "FINISH_REASON_UNSPECIFIED" }, { name: "STOP" }, { name: "OLD", deprecated: true }],
    });
    const { ir } = await loadSpec(specDir);
    const e = ir!.enums.get("FinishReason")!;
    expect(e.values.map((v) => [v.name, v.deprecated, v.description])).toEqual([
      ["FINISH_REASON_UNSPECIFIED", false, ""],
      ["STOP", false, "Finished normally."],
      ["OLD", true, ""],
    ]);
    expect(ir!.resources.get("Candidate")!.fields[0]!.ref).toBe("FinishReason");
    // Upstream prose is never stored.
    expect(readFileSync(join(specDir, "imported/resources/Candidate.json"), "utf8")).not.toContain("enumDescriptions");
  });

  it("shares one enum between fields with the same value set, and warns about unnamed ones", async () => {
    const values = { type: "string", enum: ["HARM_CATEGORY_UNSPECIFIED", "HARM_CATEGORY_HATE_SPEECH"] };
    const doc = discoveryDoc({
      SafetySetting: { properties: { category: values } },
      SafetyRating: { properties: { category: values, probability: { type: "string", enum: ["NEGLIGIBLE", "HIGH"] } } },
    });
    const { specDir } = await importDoc(doc, {
      "enums/HarmCategory.json": { usedBy: ["SafetySetting.category", "SafetyRating.category"] },
    });
    const { ir, diagnostics } = await loadSpec(specDir);
    expect(ir!.enums.get("HarmCategory")!.usedBy).toEqual(["SafetySetting.category", "SafetyRating.category"]);
    expect(ir!.enums.get("SafetyRatingProbability")!.named).toBe(false);
    expect(diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ["spec.unnamed-enum", "/fields/probability"],
    ]);
  });
});

describe("references", () => {
  it("a dangling $ref is a located error and nothing is written", async () => {
    const doc = discoveryDoc({
      Part: { properties: { mediaResolution: { $ref: "MediaResolution" }, text: { type: "string" } } },
    });
    const { result, specDir } = await importDoc(doc);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ["import.unresolved-ref", "/schemas/Part/properties/mediaResolution/$ref"],
    ]);
    expect(existsSync(join(specDir, "imported"))).toBe(false);
  });

  it("a fieldTypes correction accepts exactly that dangling ref and retypes the field", async () => {
    const doc = discoveryDoc({ Part: { properties: { mediaResolution: { $ref: "MediaResolution" } } } });
    const overlay = {
      "corrections.json": {
        fieldTypes: [
          {
            field: "Part.mediaResolution",
            upstream: { type: "ref", ref: "MediaResolution" },
            type: { type: "ref", ref: "PartMediaResolution" },
            reason: "dangling upstream",
          },
        ],
        addedResources: {
          PartMediaResolution: {
            reason: "target of the fix",
            fields: { numTokens: { protoName: "num_tokens", type: "int32" } },
          },
        },
      },
    };
    const { result, specDir } = await importDoc(doc, overlay);
    expect(result.ok).toBe(true);
    // The imported layer stays faithful to upstream; the correction is applied on load.
    expect(fieldOf(specDir, "Part", "mediaResolution")).toEqual({
      protoName: "media_resolution",
      type: "ref",
      ref: "MediaResolution",
    });
    const { ir } = await loadSpec(specDir);
    expect(ir!.resources.get("Part")!.fields[0]!.ref).toBe("PartMediaResolution");
    expect(ir!.resources.get("PartMediaResolution")!.added).toBe(true);
  });

  it("renamed schemas keep their public name and record the upstream one", async () => {
    const doc = discoveryDoc({
      GoogleAiGenerativelanguageV1alphaSegment: { properties: { text: { type: "string" } } },
      Support: { properties: { segment: { $ref: "GoogleAiGenerativelanguageV1alphaSegment" } } },
    });
    const overlay = {
      "corrections.json": {
        renames: [
          { upstream: "GoogleAiGenerativelanguageV1alphaSegment", name: "Segment", reason: "stable public name" },
        ],
      },
    };
    const { specDir } = await importDoc(doc, overlay);
    const { ir } = await loadSpec(specDir);
    expect(ir!.resources.get("Segment")!.upstreamName).toBe("GoogleAiGenerativelanguageV1alphaSegment");
    expect(ir!.resources.has("GoogleAiGenerativelanguageV1alphaSegment")).toBe(false);
    expect(ir!.resources.get("Support")!.fields[0]!.ref).toBe("Segment");
  });
});

describe("rename history", () => {
  // Google renamed one schema twice; the overlay records both upstream names for the one public name.
  const history = {
    "corrections.json": {
      renames: [
        {
          upstream: "GoogleAiGenerativelanguageV1alphaSegment",
          name: "Segment",
          reason: "stable public name across upstream renames",
        },
        {
          upstream: "GoogleAiGenerativelanguageV1betaSegment",
          name: "Segment",
          reason: "stable public name across upstream renames",
        },
      ],
    },
  };
  const revision = (segmentName: string, rev: string, extra: Record<string, unknown> = {}) =>
    discoveryDoc(
      {
        [segmentName]: { properties: { text: { type: "string" }, ...extra } },
        Support: { properties: { segment: { $ref: segmentName } } },
      },
      {},
      rev,
    );
  const lines = (changes: { kind: string; subject: string; path: string; detail?: string }[]) =>
    changes.map((c) => `${c.kind} ${c.subject} ${c.path}${c.detail ? ` (${c.detail})` : ""}`);

  const cases: [string, { from: string; to: string; want: string[] }][] = [
    [
      "plain name → first upstream name",
      {
        from: "Segment",
        to: "GoogleAiGenerativelanguageV1alphaSegment",
        want: ["changed resource Segment (upstream name: Segment → GoogleAiGenerativelanguageV1alphaSegment)"],
      },
    ],
    [
      "first → second upstream name",
      {
        from: "GoogleAiGenerativelanguageV1alphaSegment",
        to: "GoogleAiGenerativelanguageV1betaSegment",
        want: [
          "changed resource Segment (upstream name: GoogleAiGenerativelanguageV1alphaSegment → GoogleAiGenerativelanguageV1betaSegment)",
        ],
      },
    ],
    [
      "renamed upstream name → plain name again (the old side is mapped too)",
      {
        from: "GoogleAiGenerativelanguageV1betaSegment",
        to: "Segment",
        want: ["changed resource Segment (upstream name: GoogleAiGenerativelanguageV1betaSegment → Segment)"],
      },
    ],
  ];
  it.each(cases)("%s: a rename, never a removal plus an addition", async (_name, { from, to, want }) => {
    const { specDir } = await importDoc(revision(from, "20250101"), history);
    const { result } = await importDoc(revision(to, "20250202"), {}, specDir);
    expect(result.ok).toBe(true);
    expect(lines(result.report!.changes)).toEqual(["changed service revision (20250101 → 20250202)", ...want]);
    // The entries for names this revision does not use are history, not stale.
    expect(result.diagnostics.filter((d) => d.code === "spec.stale-rename")).toEqual([]);
  });

  it("real changes under a renamed schema are reported under the public name", async () => {
    const { specDir } = await importDoc(
      revision("GoogleAiGenerativelanguageV1alphaSegment", "20250101", {
        startIndex: { type: "integer", format: "int32" },
      }),
      history,
    );
    const { result } = await importDoc(revision("Segment", "20250202"), {}, specDir);
    expect(lines(result.report!.changes)).toEqual([
      "changed service revision (20250101 → 20250202)",
      "changed resource Segment (upstream name: GoogleAiGenerativelanguageV1alphaSegment → Segment)",
      "removed field Segment.startIndex",
    ]);
  });

  it("two upstream names of one history in the same document are a located error", async () => {
    const doc = discoveryDoc({
      GoogleAiGenerativelanguageV1alphaSegment: { properties: {} },
      GoogleAiGenerativelanguageV1betaSegment: { properties: {} },
    });
    const { result } = await importDoc(doc, history);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.location.pointer])).toEqual([
      ["spec.rename-collision", "/renames/1/upstream"],
    ]);
  });

  it("a rename whose public name is nowhere in the document is stale", async () => {
    const { result } = await importDoc(discoveryDoc({ Other: { properties: {} } }), history);
    expect(result.diagnostics.filter((d) => d.code === "spec.stale-rename").map((d) => d.location.pointer)).toEqual([
      "/renames/0/upstream",
      "/renames/1/upstream",
    ]);
  });
});

describe("methods", () => {
  it("records verb, path, parameters, bodies and streaming", async () => {
    const stream = {
      ...generateContentMethod(),
      id: "generativelanguage.models.streamGenerateContent",
      path: "v1beta/{+model}:streamGenerateContent",
    };
    const doc = discoveryDoc(
      { Req: { properties: {} }, Res: { properties: {} } },
      { generateContent: generateContentMethod(), streamGenerateContent: stream },
    );
    const { specDir } = await importDoc(doc);
    const methods = JSON.parse(readFileSync(join(specDir, "imported/methods.json"), "utf8"));
    expect(methods["models.generateContent"]).toEqual({
      id: "models.generateContent",
      httpMethod: "POST",
      path: "v1beta/{+model}:generateContent",
      flatPath: "v1beta/models/{modelsId}:generateContent",
      parameterOrder: ["model"],
      parameters: { model: { location: "path", type: "string", required: true, pattern: "^models/[^/]+$" } },
      request: "Req",
      response: "Res",
    });
    expect(methods["models.streamGenerateContent"].streaming).toBe("server");
    expect(methods["models.generateContent"].streaming).toBeUndefined();
  });

  it("records deprecation, enums, repeated and formatted parameters, upload limits and download", async () => {
    const method = {
      ...generateContentMethod(),
      deprecated: true,
      parameters: {
        ...generateContentMethod().parameters,
        pageSize: { location: "query", type: "integer", format: "int32", deprecated: true },
        since: { location: "query", type: "string", format: "google-datetime" },
        view: { location: "query", type: "string", enum: ["BASIC", "FULL"], repeated: true },
      },
      mediaUpload: {
        accept: ["*/*"],
        maxSize: "104857600",
        protocols: { simple: { multipart: true, path: "/upload/v1beta/files" } },
      },
      supportsMediaDownload: true,
    };
    const { specDir } = await importDoc(
      discoveryDoc({ Req: { properties: {} }, Res: { properties: {} } }, { generateContent: method }),
    );
    const m = JSON.parse(readFileSync(join(specDir, "imported/methods.json"), "utf8"))["models.generateContent"];
    expect(m.deprecated).toBe(true);
    expect(m.parameters).toEqual({
      model: { location: "path", type: "string", required: true, pattern: "^models/[^/]+$" },
      pageSize: { location: "query", type: "int32", deprecated: true },
      since: { location: "query", type: "timestamp" },
      view: { location: "query", type: "string", repeated: true, values: ["BASIC", "FULL"] },
    });
    expect(m.mediaUpload).toEqual({
      accept: ["*/*"],
      maxSize: "104857600",
      protocols: { simple: "/upload/v1beta/files" },
    });
    expect(m.mediaDownload).toBe(true);
  });

  it("parameters upstream types the spec cannot say are located errors, all at once, never read as strings", async () => {
    const method = {
      ...generateContentMethod(),
      parameters: {
        ...generateContentMethod().parameters,
        when: { location: "query", type: "string", format: "google-someday" },
        blob: { location: "query", type: "any" },
        token: { location: "header", type: "string" },
      },
    };
    const { result } = await importDoc(
      discoveryDoc({ Req: { properties: {} }, Res: { properties: {} } }, { generateContent: method }),
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ["discovery.parameter-type", "/resources/models/methods/generateContent/parameters/when"],
      ["discovery.parameter-type", "/resources/models/methods/generateContent/parameters/blob"],
      ["discovery.parameter-location", "/resources/models/methods/generateContent/parameters/token/location"],
    ]);
  });

  it("a method body referring to an unknown schema is a located error", async () => {
    const doc = discoveryDoc({ Req: { properties: {} } }, { generateContent: generateContentMethod("Req", "Nope") });
    const { result } = await importDoc(doc);
    expect(result.diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ["discovery.unresolved-ref", "/resources/models/methods/generateContent/response/$ref"],
    ]);
  });
});

describe("bad input", () => {
  it("not JSON: one error with line and column", async () => {
    const { result } = await importDoc('{\n  "kind": "discovery#restDescription",\n  "schemas": {,}\n}');
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: "json.syntax", location: { line: 3, column: 15 } });
  });

  it("not a Discovery document: every problem at once", async () => {
    const { result } = await importDoc({ openapi: "3.0.0", paths: {} });
    expect(result.diagnostics.map((d) => d.location.pointer).sort()).toEqual([
      "/kind",
      "/name",
      "/resources",
      "/revision",
      "/rootUrl",
      "/schemas",
      "/version",
    ]);
  });

  it("several bad properties: one error each", async () => {
    const doc = discoveryDoc({
      A: {
        properties: {
          x: { type: "string", format: "martian" },
          y: { type: "array" },
          z: { description: "no type" },
          w: { type: "object", properties: { q: {} } },
        },
      },
    });
    const { result } = await importDoc(doc);
    expect(result.diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ["discovery.type", "/schemas/A/properties/x"],
      ["discovery.array-items", "/schemas/A/properties/y/items"],
      ["discovery.no-type", "/schemas/A/properties/z"],
      ["discovery.inline-object", "/schemas/A/properties/w"],
    ]);
  });

  it("a failed import leaves an existing spec byte-identical", async () => {
    const good = discoveryDoc({ A: { properties: { x: { type: "string" } } } });
    const { specDir } = await importDoc(good);
    const snapshot = () =>
      readdirSync(join(specDir, "imported/resources")).map((f) =>
        readFileSync(join(specDir, "imported/resources", f), "utf8"),
      );
    const before = snapshot();
    const bad = discoveryDoc({ A: { properties: { x: { $ref: "Missing" } } } });
    const { result } = await importDoc(bad, {}, specDir);
    expect(result.ok).toBe(false);
    expect(snapshot()).toEqual(before);
  });
});

describe("re-import and change reports", () => {
  const v1 = discoveryDoc(
    {
      Candidate: {
        properties: {
          finishReason: { type: "string", enum: ["STOP", "BASH"] },
          index: { type: "integer", format: "int32" },
        },
      },
    },
    {},
    "20250101",
  );
  const v2 = discoveryDoc(
    {
      Candidate: {
        properties: {
          finishReason: { type: "string", enum: ["STOP", "MALFORMED_RESPONSE"] },
          tokens: { type: "string", format: "int64" },
        },
      },
      New: { properties: {} },
    },
    {},
    "20250202",
  );

  it("importing the same document twice changes nothing", async () => {
    const { specDir } = await importDoc(v1);
    const files = () =>
      readdirSync(join(specDir, "imported"), { recursive: true })
        .map(String)
        .sort()
        .map((f) => [
          f,
          existsSync(join(specDir, "imported", f)) && !f.endsWith("resources")
            ? readFileSync(join(specDir, "imported", f), "utf8")
            : "",
        ]);
    const before = files();
    const { result } = await importDoc(v1, {}, specDir);
    expect(result.written).toBe(false);
    expect(result.report!.changes).toEqual([]);
    expect(files()).toEqual(before);
  });

  it("a new revision reports added, removed and changed things", async () => {
    const { specDir } = await importDoc(v1);
    const { result } = await importDoc(v2, {}, specDir);
    expect(result.written).toBe(true);
    expect(result.report!.from).toBe("20250101");
    expect(
      result.report!.changes.map((c) => `${c.kind} ${c.subject} ${c.path}${c.detail ? ` (${c.detail})` : ""}`),
    ).toEqual([
      "changed service revision (20250101 → 20250202)",
      "added resource New",
      "removed field Candidate.index",
      "added field Candidate.tokens (int64)",
      "added enum-value Candidate.finishReason#MALFORMED_RESPONSE",
      "removed enum-value Candidate.finishReason#BASH",
    ]);
    expect(result.report!.summary["enum-value"]).toEqual({ added: 1, removed: 1, changed: 0 });
  });

  it("overlay entries for removed things are kept and reported as stale, not dropped", async () => {
    const { specDir } = await importDoc(v1, {
      "resources/Candidate.json": { fields: { index: "Position among candidates." } },
    });
    const { result } = await importDoc(v2, {}, specDir);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.location.pointer])).toContainEqual([
      "spec.stale-description",
      "/fields/index",
    ]);
    expect(JSON.parse(readFileSync(join(specDir, "overlay/resources/Candidate.json"), "utf8")).fields.index).toBe(
      "Position among candidates.",
    );
  });
});
