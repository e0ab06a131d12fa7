// Conformance on real data: every Gemini API payload in ../shared/fixtures/real validates in lenient mode against
// the resource manifest.jsonl says it is (corpus-map.ts decides which, from URI, method and role). A payload that
// fails is a gap between the spec and the API: each one left is in KNOWN_GAPS with its reason and the spec change or
// decision that would close it, and a gap that no longer fails fails this test until it is removed. Vertex AI
// payloads (vertex/) are validated the same way; their failures are listed too, as Vertex differences. The drift the
// corpus shows (fields the spec lacks, enum values it lacks) is summarized once in the output.
//
// Strict conformance: every Gemini API payload the API accepted (not an error status) validates in strict mode too,
// since the spec's corrections from real traffic (spec/overlay/corrections.json) cover what upstream's documents
// miss. The only exceptions are in STRICT_EXCEPTIONS, each an SDK's hand-edited mock (provenance curated-mock in
// manifest.jsonl) with the reason it says nothing about the API; an exception that passes fails the test.
//
// Round trip, on every JSON body: bytes → JSON.parse → validate → normalize → JSON.stringify gives the input back
// (the same text, key order included) unless normalization applied, and then nothing is lost: int64 strings stay
// strings, unknown fields stay where they were with the same value, and the result is canonical.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validators } from "../../packages/runtime/generated/validate.ts";
import { fieldFor, locate, splitPointer, type FieldModel } from "../../packages/runtime/src/runtime-model.ts";
import { validateResource } from "../../packages/runtime/src/validator.ts";
import type { Drift, Issue, IssueCode } from "../../packages/runtime/src/result.ts";
import {
  CORPUS_DIR,
  OVERRIDES,
  hasCorpus,
  hasResource,
  loadCorpus,
  normalizedPointer,
  type CorpusPayload,
} from "./corpus-map.ts";
import { wholeModel } from "./helpers.ts";

/** Every resource and enum (all of them included in the runtime's lookups, which these tests call directly). */
const MODEL = wholeModel();

interface KnownGap {
  /** spec: the spec is wrong; wire: the API reads JSON more loosely than the spec's form; vertex: Vertex AI differs; negative-test: an SDK's deliberately broken payload. */
  kind: "spec" | "wire" | "vertex" | "negative-test";
  /** The issue it explains: the spec field and the code. */
  spec: string;
  code: IssueCode;
  reason: string;
  /** What would close it. */
  fix: string;
  /** Every file it explains (each must still show it). */
  files: string[];
}

const KNOWN_GAPS: KnownGap[] = [
  {
    kind: "vertex",
    spec: "FunctionCall.name",
    code: "missing-required",
    reason:
      "Vertex AI's streamed function-call arguments (streamFunctionCallArguments): continuation chunks carry partialArgs/willContinue without the name",
    fix: "none for the Gemini API spec (a Vertex-only feature)",
    files: [
      "vertex/stream/vercel-ai-google-stream-no-args-tool-call.sse",
      "vertex/stream/vercel-ai-google-stream-tool-call-arguments.sse",
      "vertex/stream/vercel-ai-google-stream-tool-call-array-arguments-missing-terminal-function-call.sse",
      "vertex/stream/vercel-ai-google-vertex-stream-tool-call-arguments-nested.1.sse",
      "vertex/stream/js-genai-Client_Tests_generateContentStream_partial_function_calling_Vertex_AI_should_stream_generate_content_enabled_s-i0.sse",
      "vertex/stream/js-genai-MCP_related_client_Tests_generateContentStream_with_streamFunctionCallingArguments_enabled_Vertex_AI_should_st-i0.sse",
    ],
  },
  ...(["SafetyRating.category", "SafetyRating.probability"] as const).map((spec): KnownGap => ({
    kind: "negative-test",
    spec,
    code: "missing-required",
    reason:
      "Firebase SDK mock 'image-invalid-safety-ratings': empty safety ratings on purpose, to test the SDK's tolerance",
    fix: "none (the payload is invalid by design)",
    files: [
      "vertex/stream/firebase-sdk-test-data-streaming-success-image-invalid-safety-ratings.sse",
      "vertex/generate/firebase-sdk-test-data-unary-success-image-invalid-safety-ratings.json",
    ],
  })),
];

/** SDK negative tests whose payload is no response at all: no key is a field of the resource (no-known-field, in both modes). */
const NOT_A_RESPONSE = [
  "stream/generative-ai-swift-streaming-failure-invalid-json.sse",
  "vertex/stream/firebase-sdk-test-data-streaming-failure-invalid-json.sse",
  "vertex/other/firebase-sdk-test-data-unary-failure-invalid-response.json",
];

interface StrictException {
  file: string;
  /** As manifest.jsonl records it: only an SDK's hand-made mock may be an exception. */
  provenance: "curated-mock";
  /** Every issue strict mode finds in it, as "spec code" (the spec field or resource, then the issue code). */
  shows: string[];
  reason: string;
  /** Why the failure says nothing about the spec. */
  notSpec: string;
}

const MADE_UP_ENUMS =
  "made-up enum values on purpose, to test that the SDK survives values it does not know (manifest note: forward-compat test)";
const NOT_API_OUTPUT = "hand-made by the SDK's authors, not an API response: strict mode is right to reject it";

const STRICT_EXCEPTIONS: StrictException[] = [
  ...[
    "stream/generative-ai-swift-streaming-failure-unknown-finish-enum.sse",
    "stream/generative-ai-js-streaming-unknown-enum.sse",
  ].map((file): StrictException => ({
    file,
    provenance: "curated-mock",
    shows: [
      "SafetyRating.category unknown-enum-value",
      "SafetyRating.probability unknown-enum-value",
      "Candidate.finishReason unknown-enum-value",
    ],
    reason: `FAKE_ENUM, *_NEW_ENUM, *_UNKNOWN_ENUM: ${MADE_UP_ENUMS}`,
    notSpec: NOT_API_OUTPUT,
  })),
  {
    file: "stream/generative-ai-swift-streaming-success-unknown-safety-enum.sse",
    provenance: "curated-mock",
    shows: ["SafetyRating.category unknown-enum-value"],
    reason: `HARM_CATEGORY_SOMETHING_NEW: ${MADE_UP_ENUMS}`,
    notSpec: NOT_API_OUTPUT,
  },
  {
    file: "generate/generative-ai-js-unary-unknown-enum.json",
    provenance: "curated-mock",
    shows: ["SafetyRating.category unknown-enum-value", "SafetyRating.probability unknown-enum-value"],
    reason: `HARM_CATEGORY_*_NEW, NEGLIGIBLE_NEW_ENUM: ${MADE_UP_ENUMS}`,
    notSpec: NOT_API_OUTPUT,
  },
  {
    file: "generate/generative-ai-js-unary-success-logprobs.json",
    provenance: "curated-mock",
    shows: ["LogprobsResultCandidate unknown-field"],
    reason: "spells the token id `tokenID`; the API's field is `tokenId`, which no recorded response contradicts",
    notSpec: "a typo in a hand-edited mock, not a field the API sends",
  },
  {
    file: "generate/firebase-sdk-test-data-unary-failure-only-prompt-feedback.json",
    provenance: "curated-mock",
    shows: ["PromptFeedback unknown-field"],
    reason:
      "promptFeedback.blockReasonMessage: a Vertex AI field, in a mock of the googleai set; no recorded Gemini API response has it",
    notSpec: "no evidence that the Gemini API sends it: a mock, and the field is Vertex AI's",
  },
  {
    file: "stream/generative-ai-swift-streaming-failure-invalid-json.sse",
    provenance: "curated-mock",
    shows: ["GenerateContentResponse no-known-field"],
    reason:
      'an SDK negative test: the chunk is `{"this": …}`, no response at all (manifest note: deliberately invalid response shape)',
    notSpec: NOT_API_OUTPUT,
  },
  {
    file: "stream/generative-ai-swift-streaming-failure-malformed-content.sse",
    provenance: "curated-mock",
    shows: ["Content unknown-field"],
    reason:
      "an SDK negative test: the content has a `missing-parts` key instead of parts, to test the SDK's error path",
    notSpec: NOT_API_OUTPUT,
  },
];

interface BodyResult {
  payload: CorpusPayload;
  chunk: number;
  resource: string;
  value: unknown;
  result: ReturnType<typeof validateResource>;
}

const enumOf = (resource: string, path: string) => locate(resource, splitPointer(path)).field?.ref ?? "?";

/** A body that no Gemini API response or accepted request disproves: not Vertex AI, not an error status or error body. */
const isAccepted = (r: BodyResult) =>
  !r.payload.vertex && (r.payload.entry.status ?? 200) < 400 && r.resource !== "ErrorResponse";

/** Issues as "spec code", the form STRICT_EXCEPTIONS lists them in. */
const issueKeys = (issues: readonly Issue[]) => [...new Set(issues.map((i) => `${i.spec} ${i.code}`))];

function summarize(
  results: BodyResult[],
  corpus: CorpusPayload[],
  pending: string[],
  strictFailures: ReadonlySet<string>,
): string {
  const lines: string[] = [];
  const inScope = corpus.filter((p) => !("outOfScope" in p.placement));
  const byRole = (ps: CorpusPayload[]) =>
    ["request", "response", "stream"].map((r) => `${r} ${ps.filter((p) => p.entry.role === r).length}`).join(", ");
  const failedFiles = new Set(results.filter((r) => !r.result.ok).map((r) => r.payload.file));
  const passing = (ps: CorpusPayload[]) =>
    ps.filter((p) => !failedFiles.has(p.file) && !pending.some((x) => x.startsWith(`${p.file}#`)));
  const gemini = inScope.filter((p) => !p.vertex);
  const vertex = inScope.filter((p) => p.vertex);
  const framing = (p: CorpusPayload) =>
    p.file.endsWith(".sse") ? "SSE" : p.file.endsWith(".jsonl") ? "NDJSON" : p.plainJson ? "JSON" : "JSON array";
  const byFraming = ["JSON", "SSE", "JSON array", "NDJSON"]
    .map((f) => `${f} ${inScope.filter((p) => framing(p) === f).length}`)
    .join(", ");
  lines.push(
    `[conformance] ${corpus.length} manifest entries; ${inScope.length} files validated (by role: ${byRole(inScope)}; by framing: ${byFraming}), ${results.length} JSON bodies`,
  );
  lines.push(
    `  Gemini API: ${passing(gemini).length}/${gemini.length} files pass in lenient mode (${byRole(passing(gemini))})`,
  );
  const accepted = gemini.filter((p) => (p.entry.status ?? 200) < 400);
  lines.push(
    `  Gemini API, accepted payloads in strict mode: ${accepted.filter((p) => !strictFailures.has(p.file)).length}/${accepted.length} files pass; ${STRICT_EXCEPTIONS.length} listed exceptions, all curated mocks`,
  );
  lines.push(
    `  Vertex AI:  ${passing(vertex).length}/${vertex.length} files pass in lenient mode (${byRole(passing(vertex))})`,
  );
  const out = new Map<string, number>();
  for (const p of corpus)
    if ("outOfScope" in p.placement)
      out.set(
        p.placement.outOfScope.replace(/: v1beta\/models\/[^:]+:/, ": "),
        (out.get(p.placement.outOfScope.replace(/: v1beta\/models\/[^:]+:/, ": ")) ?? 0) + 1,
      );
  lines.push(`  not validated: ${[...out].map(([why, n]) => `${n} × ${why}`).join("; ")}`);
  if (pending.length > 0) lines.push(`  PENDING (ErrorResponse not in the spec yet): ${pending.length} error bodies`);
  for (const gap of KNOWN_GAPS)
    lines.push(`  known gap [${gap.kind}] ${gap.spec} ${gap.code}: ${gap.files.length} files — ${gap.fix}`);

  for (const side of ["Gemini API", "Vertex AI"] as const) {
    const fields = new Map<string, Set<string>>();
    const enums = new Map<string, Map<string, Set<string>>>();
    for (const r of results) {
      if (!r.result.ok || r.payload.vertex !== (side === "Vertex AI") || NOT_A_RESPONSE.includes(r.payload.file))
        continue;
      for (const d of r.result.drift as Drift[]) {
        if (d.kind === "unknown-field") {
          const k = `${d.spec}.${splitPointer(d.path).at(-1)}`;
          (fields.get(k) ?? fields.set(k, new Set()).get(k)!).add(r.payload.file);
        } else {
          const e = enumOf(r.resource, d.path);
          const values = enums.get(e) ?? enums.set(e, new Map()).get(e)!;
          (values.get(String(d.value)) ?? values.set(String(d.value), new Set()).get(String(d.value))!).add(
            r.payload.file,
          );
        }
      }
    }
    lines.push(`  ${side} drift — undocumented fields (Resource.field: files):`);
    for (const [k, files] of [...fields].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)))
      lines.push(`    ${k}: ${files.size}`);
    lines.push(`  ${side} drift — unknown enum values (Enum: value (files)):`);
    for (const [e, values] of [...enums].sort())
      lines.push(`    ${e}: ${[...values].map(([v, f]) => `${v} (${f.size})`).join(", ")}`);
  }
  return lines.join("\n");
}

/** Every int64/uint64 value, in walk order, found by following the model from `resource` (either spelling). */
function int64Values(resource: string, value: unknown, out: unknown[] = []): unknown[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const key of Object.keys(value)) {
    const named = fieldFor(resource, key);
    if (!named) continue;
    const field: FieldModel = named.field;
    const v = (value as Record<string, unknown>)[key];
    const items = field.repeated
      ? Array.isArray(v)
        ? v
        : [v]
      : field.map && v !== null && typeof v === "object"
        ? Object.values(v)
        : [v];
    for (const item of items) {
      if (field.type === "int64" || field.type === "uint64") out.push(item);
      else if (field.type === "ref" && field.ref) int64Values(field.ref, item, out);
    }
  }
  return out;
}

const valueAt = (root: unknown, pointer: string) =>
  splitPointer(pointer).reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);

describe("conformance helpers", () => {
  it("KNOWN_GAPS and OVERRIDES name files of the manifest only, each once per gap", () => {
    for (const gap of KNOWN_GAPS) expect([gap.spec, new Set(gap.files).size]).toEqual([gap.spec, gap.files.length]);
    expect(Object.keys(OVERRIDES).every((f) => /\.(json|sse|jsonl)$/.test(f))).toBe(true);
  });

  it("normalizedPointer follows renamed keys and single values read as lists", () => {
    const input = { candidates: { finish_reason: "X", content: { parts: [{ inline_data: { later: 1 } }] } } };
    expect(normalizedPointer("GenerateContentResponse", input, "/candidates/content/parts/0/inline_data/later")).toBe(
      "/candidates/0/content/parts/0/inlineData/later",
    );
  });
});

describe.skipIf(!hasCorpus)("real corpus: lenient and strict conformance, drift, round trip", () => {
  if (!hasCorpus) console.warn(`[gemini-typekit tests] ${CORPUS_DIR} is absent: corpus conformance is skipped.`);
  const corpus = hasCorpus ? loadCorpus() : [];
  const results: BodyResult[] = [];
  const pending: string[] = [];
  for (const payload of corpus)
    for (const body of payload.bodies) {
      if (!hasResource(body.resource)) pending.push(`${payload.file}#${body.chunk} (${body.resource})`);
      else
        results.push({
          payload,
          chunk: body.chunk,
          resource: body.resource,
          value: body.value,
          result: validateResource(body.resource, body.value, "lenient"),
        });
    }
  /** Strict issues of every accepted Gemini API body that fails, by file. */
  const strictIssues = new Map<string, Issue[]>();
  for (const r of results.filter(isAccepted)) {
    const strict = validateResource(r.resource, r.value, "strict");
    if (!strict.ok) strictIssues.set(r.payload.file, [...(strictIssues.get(r.payload.file) ?? []), ...strict.issues]);
  }

  it("places every manifest entry: a resource of the spec, or a stated reason it is not the spec's API", () => {
    const unplaced = corpus
      .filter((p) => "outOfScope" in p.placement && p.placement.outOfScope.startsWith("UNPLACED"))
      .map((p) => p.file);
    expect(unplaced).toEqual([]);
    const unknown = corpus.filter(
      (p) =>
        "resource" in p.placement &&
        !Object.prototype.hasOwnProperty.call(MODEL.resources, p.placement.resource) &&
        p.placement.resource !== "ErrorResponse",
    );
    expect(unknown.map((p) => p.file)).toEqual([]);
    expect(corpus.length).toBe(754);
  });

  it("every payload validates in lenient mode, or fails only as a known gap says", () => {
    const unexplained: string[] = [];
    const shown = new Map<KnownGap, Set<string>>(KNOWN_GAPS.map((g) => [g, new Set()]));
    for (const r of results) {
      if (r.result.ok) continue;
      for (const issue of r.result.issues as Issue[]) {
        // Checked by the NOT_A_RESPONSE test below.
        if (NOT_A_RESPONSE.includes(r.payload.file) && issue.code === "no-known-field") continue;
        const gap = KNOWN_GAPS.find(
          (g) => g.spec === issue.spec && g.code === issue.code && g.files.includes(r.payload.file),
        );
        if (gap) shown.get(gap)!.add(r.payload.file);
        else
          unexplained.push(
            `${r.payload.file}#${r.chunk} as ${r.resource}: ${issue.pointer} ${issue.code} (${issue.spec}) ${issue.message}`,
          );
      }
    }
    const stale = KNOWN_GAPS.flatMap((g) =>
      g.files
        .filter((f) => !shown.get(g)!.has(f))
        .map((f) => `${g.spec} ${g.code} no longer fails in ${f}: remove it from KNOWN_GAPS`),
    );
    console.info(summarize(results, corpus, pending, new Set(strictIssues.keys())));
    expect(unexplained).toEqual([]);
    expect(stale).toEqual([]);
    expect(results.length).toBeGreaterThan(1000);
  });

  it("error bodies validate as ErrorResponse (or are pending until the spec has it)", () => {
    const errors = corpus.filter((p) => "resource" in p.placement && p.placement.resource === "ErrorResponse");
    expect(errors.length).toBeGreaterThanOrEqual(30);
    if (!hasResource("ErrorResponse")) {
      console.warn(
        `[conformance] PENDING: ErrorResponse is not in generated/ yet; ${pending.length} error bodies not validated`,
      );
      return;
    }
    const failing = results.filter((r) => r.resource === "ErrorResponse" && !r.result.ok).map((r) => r.payload.file);
    expect(failing).toEqual([]);
    expect(pending).toEqual([]);
  });

  it("SDK negative tests that are no response at all fail with no-known-field, in lenient and strict mode", () => {
    for (const file of NOT_A_RESPONSE) {
      const rs = results.filter((r) => r.payload.file === file);
      expect([file, rs.length > 0]).toEqual([file, true]);
      for (const mode of ["lenient", "strict"] as const) {
        const codes = rs.flatMap((r) => {
          const result = mode === "lenient" ? r.result : validateResource(r.resource, r.value, "strict");
          return result.ok ? ["ok"] : result.issues.map((i) => i.code);
        });
        expect([file, mode, [...new Set(codes)]]).toEqual([file, mode, ["no-known-field"]]);
      }
    }
  });

  it("every Gemini API payload the API accepted validates in strict mode, except the listed curated mocks", () => {
    const unexplained: string[] = [];
    for (const [file, issues] of strictIssues) {
      if (STRICT_EXCEPTIONS.some((x) => x.file === file)) continue;
      for (const i of issues) unexplained.push(`${file}: ${i.pointer} ${i.code} (${i.spec}) ${i.message}`);
    }
    expect(unexplained).toEqual([]);
    expect(strictIssues.size).toBe(STRICT_EXCEPTIONS.length);
    expect(results.filter(isAccepted).length).toBeGreaterThan(800);
  });

  const byFile = new Map(corpus.map((p) => [p.file, p]));
  it.each(STRICT_EXCEPTIONS.map((x): [string, StrictException] => [x.file, x]))(
    "strict exception %s: a curated mock that still fails, only as listed",
    (file, exception) => {
      const payload = byFile.get(file);
      expect(payload, `${file} is not in manifest.jsonl`).toBeDefined();
      expect([payload!.vertex, payload!.entry.provenance]).toEqual([false, exception.provenance]);
      const issues = strictIssues.get(file);
      expect(issues, `${file} passes strict mode now: remove it from STRICT_EXCEPTIONS`).toBeDefined();
      const unlisted = issueKeys(issues!).filter((k) => !exception.shows.includes(k));
      expect(unlisted).toEqual([]);
    },
  );

  it("round trip: bytes → parse → validate → normalize → serialize gives the input back, normalization aside", () => {
    const wrong: string[] = [];
    let identical = 0;
    let normalized = 0;
    let int64s = 0;
    let unknownFields = 0;
    for (const r of results) {
      if (!r.result.ok) continue;
      const where = `${r.payload.file}#${r.chunk}`;
      const out = validators[r.resource as keyof typeof validators].normalize(r.result.value);
      if (out !== r.result.value) wrong.push(`${where}: normalizing a validated value again changed it`);
      const serialized = JSON.stringify(out);
      const original = r.payload.plainJson
        ? JSON.parse(readFileSync(join(CORPUS_DIR, r.payload.file), "utf8"))
        : r.value;
      if (r.result.value === r.value) {
        identical++;
        if (serialized !== JSON.stringify(original)) wrong.push(`${where}: serialization differs from the input`);
        expect(JSON.parse(serialized)).toEqual(original);
      } else normalized++;
      // int64 values stay decimal strings, the same ones.
      const before = int64Values(r.resource, original);
      const after = int64Values(r.resource, JSON.parse(serialized));
      int64s += after.length;
      if (JSON.stringify(before) !== JSON.stringify(after) || after.some((v) => typeof v !== "string"))
        wrong.push(`${where}: int64 values ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      // Unknown fields stay where they were, untouched.
      for (const d of r.result.drift) {
        if (d.kind !== "unknown-field") continue;
        unknownFields++;
        const at = normalizedPointer(r.resource, r.value, d.path);
        if (JSON.stringify(valueAt(JSON.parse(serialized), at)) !== JSON.stringify(valueAt(original, d.path)))
          wrong.push(`${where}: unknown field ${d.path} did not stay at ${at}`);
      }
    }
    console.info(
      `[round trip] ${identical} bodies serialize back byte for byte, ${normalized} were normalized; ${int64s} int64 values and ${unknownFields} unknown fields kept`,
    );
    expect(wrong).toEqual([]);
    expect(identical).toBeGreaterThan(1000);
  });
});
