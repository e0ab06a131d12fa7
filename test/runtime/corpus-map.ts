// Which resource each payload of the real corpus (../shared/fixtures/real) is, decided from manifest.jsonl the way
// a client would: the URI and HTTP method name a method of the spec (packages/runtime/generated/types.ts METHODS, matched on its path
// template), the role picks its request or response; an error status means an ErrorResponse; a stream is one
// GenerateContentResponse per chunk. Vertex AI URIs are read as the Gemini method they mirror
// (`…/publishers/google/models/X:generateContent` → `models/X:generateContent`). Entries the manifest cannot place
// (no URI: SDK mock files, notebook outputs) fall back to their directory or, failing that, to OVERRIDES below,
// each with the reason. Nothing here looks at a payload to decide what it is, except that a stream chunk holding
// only `error` is the error the stream ended with.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { METHODS } from "../../packages/runtime/generated/types.ts";
import { validators } from "../../packages/runtime/generated/validate.ts";
import { fieldFor, splitPointer, type NamedField } from "../../packages/runtime/src/runtime-model.ts";
import { CORPUS_DIR, bodiesOf } from "../support/corpus.ts";
import { seg } from "./helpers.ts";

export { CORPUS_DIR };
export const hasCorpus = existsSync(join(CORPUS_DIR, "manifest.jsonl"));

export interface ManifestEntry {
  source: string;
  file: string;
  role: "request" | "response" | "stream";
  uri?: string;
  method?: string;
  status?: number;
  note?: string;
  /** How the source stored it: recorded traffic, a notebook's output, or "curated-mock" (an SDK's hand-made test data). */
  provenance?: string;
}

export type Placement =
  | { resource: string; via: string; method?: string }
  /** Not a payload of the spec's API at all (another API, not JSON): counted, never validated. */
  | { outOfScope: string };

export interface CorpusPayload {
  entry: ManifestEntry;
  file: string;
  vertex: boolean;
  /** The raw bytes as text. */
  text: string;
  placement: Placement;
  /** The JSON bodies: one for a plain JSON file, one per chunk for streams. */
  bodies: { chunk: number; value: unknown; resource: string }[];
  /** True when the file holds a single JSON document (bytes → JSON.parse gives the body). */
  plainJson: boolean;
}

/** Files the manifest cannot place by URI or directory: the resource (or the missing HTTP method) and why. */
export const OVERRIDES: Record<string, { resource?: string; method?: string; reason: string }> = {
  "other/generative-ai-swift-success-total-tokens.json": {
    resource: "CountTokensResponse",
    reason: "Swift SDK countTokens mock (no URI)",
  },
  "other/semantic-kernel-counttokens_response.json": {
    resource: "CountTokensResponse",
    reason: "Semantic Kernel countTokens mock (no URI)",
  },
  "other/semantic-kernel-embeddings_response.json": {
    resource: "BatchEmbedContentsResponse",
    reason: "Semantic Kernel embeddings mock: the connector calls batchEmbedContents",
  },
  "files/cookbook-Audio_REST-c20-0.json": {
    resource: "File",
    reason: "notebook cell prints files.get output (no URI)",
  },
  "files/cookbook-Video_REST-c17-0.json": {
    resource: "CreateFileResponse",
    reason: "notebook cell prints the media.upload response (no URI)",
  },
  "files/cookbook-Video_REST-c19-0.json": {
    resource: "File",
    reason: "notebook cell prints files.get output (no URI)",
  },
  "other/cookbook-Models_REST-c7-0.json": {
    resource: "Model",
    reason: "one entry of the models.list output, cut out of it by the notebook",
  },
  "other/cookbook-Models_REST-c7-14.json": {
    resource: "Model",
    reason: "one entry of the models.list output, cut out of it by the notebook",
  },
  "other/cookbook-Models_REST-c7-44.json": {
    resource: "Model",
    reason: "one entry of the models.list output, cut out of it by the notebook",
  },
  "other/cookbook-Caching_REST-c10-0.json": {
    method: "POST",
    reason: "notebook cell creates the cache (curl -X POST); the manifest has no method",
  },
  "other/cookbook-Caching_REST-c19-0.json": {
    resource: "CachedContent",
    reason: "notebook cell patches the cache TTL; the URI was captured as `$(cat`",
  },
  "vertex/other/vercel-ai-google-vertex-embedding.json": {
    resource: "PredictResponse",
    reason: "Vertex predict response (no URI)",
  },
  "vertex/other/vercel-ai-google-vertex-image-edit.json": {
    resource: "PredictResponse",
    reason: "Vertex predict response (no URI)",
  },
  "vertex/other/vercel-ai-google-vertex-image.json": {
    resource: "PredictResponse",
    reason: "Vertex predict response (no URI)",
  },
  "vertex/other/firebase-sdk-test-data-unary-failure-generate-images-all-filtered.json": {
    resource: "PredictResponse",
    reason: "Firebase SDK Imagen (predict) mock",
  },
  "vertex/other/firebase-sdk-test-data-unary-failure-generate-images-base64-some-filtered.json": {
    resource: "PredictResponse",
    reason: "Firebase SDK Imagen (predict) mock",
  },
  "vertex/other/firebase-sdk-test-data-unary-failure-generate-images-gcs-some-filtered.json": {
    resource: "PredictResponse",
    reason: "Firebase SDK Imagen (predict) mock",
  },
  "vertex/other/firebase-sdk-test-data-unary-success-generate-images-base64.json": {
    resource: "PredictResponse",
    reason: "Firebase SDK Imagen (predict) mock",
  },
  "vertex/other/firebase-sdk-test-data-unary-success-generate-images-gcs.json": {
    resource: "PredictResponse",
    reason: "Firebase SDK Imagen (predict) mock",
  },
  "vertex/other/firebase-sdk-test-data-unary-success-generate-images-safety_info.json": {
    resource: "PredictResponse",
    reason: "Firebase SDK Imagen (predict) mock",
  },
  "vertex/other/firebase-sdk-test-data-unary-success-detailed-token-response.json": {
    resource: "CountTokensResponse",
    reason: "Firebase SDK countTokens mock",
  },
  "vertex/other/firebase-sdk-test-data-unary-success-no-billable-characters.json": {
    resource: "CountTokensResponse",
    reason: "Firebase SDK countTokens mock",
  },
  "vertex/other/firebase-sdk-test-data-unary-success-total-tokens.json": {
    resource: "CountTokensResponse",
    reason: "Firebase SDK countTokens mock",
  },
  "vertex/other/firebase-sdk-test-data-unary-failure-invalid-response.json": {
    resource: "GenerateContentResponse",
    reason: "Firebase SDK negative test: a response that is not one",
  },
  "request/vercel-ai-issue-16072-tool-result-pdf-live-recording-i0.json": {
    resource: "GenerateContentRequest",
    reason: "live-recording request body (no URI)",
  },
  "request/vercel-ai-issue-16072-tool-result-pdf-live-recording-i1.json": {
    resource: "GenerateContentRequest",
    reason: "live-recording request body (no URI)",
  },
};

/** Directories whose URI-less files are all one kind of payload. */
const DIRECTORY_DEFAULTS: [RegExp, string][] = [
  [/^(vertex\/)?error\//, "ErrorResponse"],
  [/^(vertex\/)?(generate|stream)\//, "GenerateContentResponse"],
];

interface MethodRow {
  id: string;
  httpMethod: string;
  regex: RegExp;
  /** Characters of the path template outside its variables: the more, the more specific. */
  literal: number;
  /** Collections of the method id (`fileSearchStores.documents.get` → fileSearchStores/documents). */
  collections: string;
  request: string | null;
  response: string;
}

const METHOD_ROWS: MethodRow[] = Object.entries(METHODS).map(([id, m]) => {
  const pattern = m.path
    .split(/(\{\+?[^}]+\})/)
    .map((part) =>
      part.startsWith("{+") ? "([^:]+)" : part.startsWith("{") ? "([^/:]+)" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"),
    )
    .join("");
  const literal = m.path.replace(/\{[^}]+\}/g, "").length;
  return {
    id,
    httpMethod: m.httpMethod,
    regex: new RegExp(`^${pattern}$`),
    literal,
    collections: id.split(".").slice(0, -1).join("/"),
    request: m.request,
    response: m.response,
  };
});

/** The Gemini API path of a URI: host, query and `upload/` dropped; Vertex publisher-model paths mapped. */
export function apiPath(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  let path = decodeURIComponent(url.pathname)
    .replace(/^\/+/, "")
    .replace(/^upload\//, "");
  path = path.replace(
    /^v1[a-z0-9]*\/projects\/[^/]+\/locations\/[^/]+\/publishers\/google\/(models\/.*)$/,
    "v1beta/$1",
  );
  return path.replace(/^v1[a-z0-9]*\//, "v1beta/");
}

/** The collections a path names: `v1beta/fileSearchStores/abc:verb` → `fileSearchStores`. */
function pathCollections(path: string): string {
  const segments = path
    .replace(/^v1beta\//, "")
    .split(":")[0]!
    .split("/");
  return segments.filter((_, i) => i % 2 === 0).join("/");
}

const agree = (rows: MethodRow[]) => new Set(rows.map((r) => `${r.request}→${r.response}`)).size <= 1;

/**
 * The methods a URI and HTTP method can be; several only when they agree on the resources. Among path templates
 * that match, the most literal wins (`v1beta/models` over `v1beta/{+name}`), then the one whose method id names the
 * path's collections (`fileSearchStores.delete` for `fileSearchStores/x`). Without an HTTP method (notebook curl
 * calls), every method may match; if they disagree, GET (curl's default) decides.
 */
export function methodsFor(uri: string, httpMethod: string | undefined): MethodRow[] {
  const path = apiPath(uri);
  if (!path) return [];
  const pick = (verb: string | undefined) => {
    let rows = METHOD_ROWS.filter((r) => r.regex.test(path) && (!verb || r.httpMethod === verb.toUpperCase()));
    const best = Math.max(...rows.map((r) => r.literal));
    rows = rows.filter((r) => r.literal === best);
    if (!agree(rows)) rows = rows.filter((r) => r.collections === pathCollections(path));
    return rows;
  };
  const rows = pick(httpMethod);
  if (agree(rows)) return rows;
  if (!httpMethod) return methodsFor(uri, "GET");
  return [];
}

const VERTEX_HOST = /^https:\/\/([a-z0-9-]+-)?aiplatform\.googleapis\.com\//;

export function place(entry: ManifestEntry): Placement {
  const { file } = entry;
  if (!/\.(json|jsonl|sse)$/.test(file)) return { outOfScope: "not JSON (an HTML error page as the source stored it)" };
  if (entry.note?.includes("Interactions API"))
    return { outOfScope: "Interactions API (v1beta/interactions): not part of the spec's Discovery document" };
  const override = OVERRIDES[file];
  if (override?.resource) return { resource: override.resource, via: `override: ${override.reason}` };
  if (entry.role === "request") {
    const rows = entry.uri ? methodsFor(entry.uri, entry.method ?? "POST") : [];
    if (rows.length === 0 && entry.uri && VERTEX_HOST.test(entry.uri))
      return { outOfScope: `Vertex-only method: ${apiPath(entry.uri)}` };
    if (rows.length === 0)
      return {
        outOfScope: `UNPLACED: no method of the spec matches ${entry.method ?? "POST"} ${entry.uri ?? "(no URI)"}`,
      };
    return rows[0]!.request
      ? { resource: rows[0]!.request, via: "uri", method: rows[0]!.id }
      : { outOfScope: `${rows[0]!.id} takes no request body` };
  }
  if ((entry.status ?? 0) >= 400) return { resource: "ErrorResponse", via: `status ${entry.status}` };
  if (entry.uri) {
    const rows = methodsFor(entry.uri, override?.method ?? entry.method);
    if (rows.length > 0)
      return { resource: rows[0]!.response, via: override ? `uri (${override.reason})` : "uri", method: rows[0]!.id };
    if (VERTEX_HOST.test(entry.uri)) return { outOfScope: `Vertex-only method: ${apiPath(entry.uri)}` };
  }
  const byDirectory = DIRECTORY_DEFAULTS.find(([re]) => re.test(file));
  if (byDirectory) return { resource: byDirectory[1], via: "directory" };
  return { outOfScope: `UNPLACED: no URI match, no directory default and no override for ${file}` };
}

/** An error envelope as a stream chunk: the error a failing stream ends with. */
const isErrorEnvelope = (v: unknown) =>
  v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && "error" in v;

export function manifest(): ManifestEntry[] {
  return readFileSync(join(CORPUS_DIR, "manifest.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ManifestEntry);
}

export function loadCorpus(): CorpusPayload[] {
  return manifest().map((entry) => {
    const text = readFileSync(join(CORPUS_DIR, entry.file), "utf8");
    const placement = place(entry);
    const vertex = entry.file.startsWith("vertex/");
    if ("outOfScope" in placement)
      return { entry, file: entry.file, vertex, text, placement, bodies: [], plainJson: false };
    const values = bodiesOf(text, entry.file);
    const plainJson =
      entry.file.endsWith(".json") && !(Array.isArray(JSON.parse(text)) && entry.file.includes("stream"));
    const bodies = values.map((value, chunk) => ({
      chunk,
      value,
      resource:
        values.length > 1 && isErrorEnvelope(value) && placement.resource === "GenerateContentResponse"
          ? "ErrorResponse"
          : placement.resource,
    }));
    return { entry, file: entry.file, vertex, text, placement, bodies, plainJson };
  });
}

/** True when the generated validators know a resource (ErrorResponse arrives with another change). */
export const hasResource = (name: string) => Object.prototype.hasOwnProperty.call(validators, name);

/** The pointer into the normalized value for a pointer into the input (renamed keys, single values read as lists). */
export function normalizedPointer(resource: string, input: unknown, pointer: string): string {
  let current: string | undefined = resource;
  let node = input;
  let out = "";
  const segments = splitPointer(pointer);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const named: NamedField | undefined = current ? fieldFor(current, segment) : undefined;
    out += `/${seg(named ? named.jsonName : segment)}`;
    node = (node as Record<string, unknown>)?.[segment];
    current = undefined;
    if (!named) continue;
    if (i + 1 === segments.length) break; // the pointer names the field itself
    if (named.field.repeated) {
      if (Array.isArray(node)) {
        out += `/${segments[++i]!}`;
        node = node[Number(segments[i])];
      } else out += "/0"; // a single value read as a list of one
    } else if (named.field.map) {
      out += `/${seg(segments[++i]!)}`;
      node = (node as Record<string, unknown>)?.[segments[i]!];
    }
    if (named.field.type === "ref") current = named.field.ref;
  }
  return out;
}
