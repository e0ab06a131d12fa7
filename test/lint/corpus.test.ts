// The linter against what Gemini really accepted: every request body in ../shared/fixtures/real (Gemini API and
// Vertex AI) that the API answered 200 lints with no error through lintRequest, and every schema inside it
// (responseSchema, responseJsonSchema, parameters, parametersJsonSchema, response, responseJsonSchema, both
// spellings) lints with no error through lintSchema for its target. An error here means a rule is wrong.
// A request counts as answered 200 when its manifest line says so, or, where the source kept no status (notebooks,
// live-recording wrappers), when its paired response in the same recording is there and is no error envelope.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintRequest, lintSchema } from "../../packages/tools/src/index.ts";
import { RULE_DEFINITIONS } from "../../packages/tools/src/response-schema/rules/index.ts";
import type { Target } from "../../packages/tools/src/response-schema/rules/rule.ts";
import { findField, itemsOf, viewRequest } from "../../packages/tools/src/request/view.ts";
import { isObject, type Json } from "../../packages/tools/src/response-schema/json-schema-types.ts";
import { bodiesOf, CORPUS_DIR } from "../support/corpus.ts";
import { hasShared } from "../support/shared.ts";

interface Entry {
  source: string;
  commit: string;
  path: string;
  file: string;
  role: string;
  uri?: string | null;
  status?: number;
  interaction?: number;
  cell?: number;
}

const read = (file: string) => readFileSync(join(CORPUS_DIR, file), "utf8");

function entries(): Entry[] {
  return read("manifest.jsonl")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Entry);
}

const isErrorBody = (v: unknown) => isObject(v) && "error" in v;

/** The response recorded with a status-less request, when there is one and it is no error. */
function answeredWithoutError(request: Entry, all: Entry[]): boolean {
  const paired = all.filter(
    (e) =>
      e.role !== "request" &&
      e.source === request.source &&
      e.commit === request.commit &&
      e.path === request.path &&
      e.interaction === request.interaction &&
      e.cell === request.cell,
  );
  return (
    paired.length > 0 &&
    paired.every((e) => !e.file.startsWith("error/") && !bodiesOf(read(e.file), e.file).some(isErrorBody))
  );
}

/** The model from the URI (`…/models/gemini-3-flash-preview:generateContent`); a notebook's ${MODEL_ID} is no model. */
const modelOf = (uri?: string | null) => {
  const m = /models\/([^:/?]+)/.exec(uri ?? "");
  return m && !m[1]!.includes("$") ? m[1] : undefined;
};

interface Accepted {
  file: string;
  model?: string;
  body: unknown;
}

function acceptedRequests(): Accepted[] {
  const all = entries();
  return all
    .filter(
      (e) => e.role === "request" && (e.status === 200 || (e.status === undefined && answeredWithoutError(e, all))),
    )
    .map((e) => ({
      file: e.file,
      ...(modelOf(e.uri) ? { model: modelOf(e.uri)! } : {}),
      body: JSON.parse(read(e.file)) as unknown,
    }));
}

const SCHEMA_FIELDS: { config: [string, Target][]; declaration: [string, Target][] } = {
  config: [
    ["responseSchema", "responseSchema"],
    ["responseJsonSchema", "responseJsonSchema"],
    ["_responseJsonSchema", "responseJsonSchema"],
  ],
  declaration: [
    ["parameters", "parameters"],
    ["parametersJsonSchema", "parametersJsonSchema"],
    ["response", "response"],
    ["responseJsonSchema", "responseJsonSchema"],
  ],
};

/** Every schema of a request, with its target, found under either spelling of each field. */
function schemasOf(body: unknown): { pointer: string; target: Target; schema: Json }[] {
  if (!isObject(body)) return [];
  const view = viewRequest(body);
  const out: { pointer: string; target: Target; schema: Json }[] = [];
  const config = view.generationConfig;
  if (config && isObject(config.value))
    for (const [name, target] of SCHEMA_FIELDS.config) {
      const f = findField(config.value, name, config.pointer);
      if (f) out.push({ pointer: f.pointer, target, schema: f.value });
    }
  for (const d of view.declarations)
    for (const [name, target] of SCHEMA_FIELDS.declaration) {
      const f = d.get(name);
      if (f) out.push({ pointer: f.pointer, target, schema: f.value });
    }
  return out;
}

const errorsOf = (file: string, findings: ReturnType<typeof lintRequest>) =>
  findings.filter((d) => d.severity === "error").map((d) => `${file}#${d.location.pointer}: ${d.code} ${d.message}`);

describe.skipIf(!hasShared)("the linter on requests the API answered 200 (../shared/fixtures/real)", () => {
  const accepted = hasShared ? acceptedRequests() : [];

  it("finds them: Gemini API and Vertex AI, with tools, conversations and schemas", () => {
    expect(accepted.length).toBeGreaterThan(200);
    expect(accepted.some((a) => a.file.startsWith("vertex/"))).toBe(true);
    expect(
      accepted.filter((a) => isObject(a.body) && viewRequest(a.body).declarations.length > 0).length,
    ).toBeGreaterThan(50);
    expect(accepted.filter((a) => a.model?.startsWith("gemini-3")).length).toBeGreaterThan(20);
  });

  it("lintRequest gives none of them an error", () => {
    expect(
      accepted.flatMap((a) =>
        errorsOf(a.file, lintRequest(a.body, { file: a.file, ...(a.model ? { model: a.model } : {}) })),
      ),
    ).toEqual([]);
  });

  it("lintSchema gives no schema inside them an error for its target", () => {
    const schemas = accepted.flatMap((a) => schemasOf(a.body).map((s) => ({ ...s, file: a.file })));
    expect(schemas.length, "accepted requests carry schemas").toBeGreaterThan(100);
    expect(new Set(schemas.map((s) => s.target)).size, "every kind of target is there").toBeGreaterThanOrEqual(3);
    const errors = schemas.flatMap((s) =>
      isObject(s.schema) ? errorsOf(`${s.file}${s.pointer}`, lintSchema(s.schema, { target: s.target })) : [],
    );
    expect(errors).toEqual([]);
  });

  it("every recorded file a rule cites as accepted is a request the API answered 200", () => {
    const acceptedFiles = new Set(accepted.map((a) => a.file));
    const cited = RULE_DEFINITIONS.flatMap((r) =>
      r.evidence.flatMap((e) => (e.kind === "accepted" ? (e.files ?? []).map((f) => `${r.id} ${f}`) : [])),
    );
    expect(cited.filter((c) => !acceptedFiles.has(c.split(" ")[1]!))).toEqual([]);
  });

  it("the tools-as-one-object and contents-as-one-object spellings the API accepted are read", () => {
    const single = accepted.find((a) => a.file === "request/pydantic-ai-test_gemini_drop_exclusive_maximum-i1.json");
    expect(single && isObject(single.body) && itemsOf(findField(single.body, "tools", "")).length).toBe(1);
    expect(single && isObject(single.body) && viewRequest(single.body).declarations.map((d) => d.pointer)).toEqual([
      "/tools/functionDeclarations/0",
    ]);
  });
});
