// The real-payload corpus in ../shared/fixtures/real, read in place: each file's JSON bodies (SSE and NDJSON
// streams split into chunks), with the resource it most likely is. Issue-level conformance maps files exactly via
// manifest.jsonl; tests that only need many realistic payloads (the differential test) use this.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED_DIR } from "./shared.ts";

export const CORPUS_DIR = join(SHARED_DIR, "fixtures", "real");

export interface CorpusEntry {
  file: string;
  role: "request" | "response" | "stream";
  uri?: string;
  status?: number;
}

export interface CorpusBody {
  file: string;
  /** Index of the chunk inside a stream file; 0 for plain JSON. */
  chunk: number;
  resource: string;
  value: unknown;
}

export function corpusEntries(): CorpusEntry[] {
  return readFileSync(join(CORPUS_DIR, "manifest.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusEntry);
}

/** JSON values in a file: one for .json, one per `data:` event for .sse, one per line for .jsonl. */
export function bodiesOf(text: string, file: string): unknown[] {
  if (file.endsWith(".sse")) {
    const out: unknown[] = [];
    for (const event of text.split(/\r?\n\r?\n/)) {
      const data = event
        .split(/\r?\n/)
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).trimStart())
        .join("\n");
      if (data && data !== "[DONE]") out.push(JSON.parse(data));
    }
    return out;
  }
  if (file.endsWith(".jsonl"))
    return text
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) && file.includes("stream") ? value : [value];
}

const ACTIONS: [RegExp, { request: string; response: string }][] = [
  [/:(stream)?generateContent$/i, { request: "GenerateContentRequest", response: "GenerateContentResponse" }],
  [/:countTokens$/, { request: "CountTokensRequest", response: "CountTokensResponse" }],
  [/:embedContent$/, { request: "EmbedContentRequest", response: "EmbedContentResponse" }],
  [/:batchEmbedContents$/, { request: "BatchEmbedContentsRequest", response: "BatchEmbedContentsResponse" }],
  [/\/cachedContents$/, { request: "CachedContent", response: "CachedContent" }],
  [/\/models$/, { request: "Empty", response: "ListModelsResponse" }],
];

/** Every parseable body of the corpus with a best-guess resource (GenerateContent* when the endpoint is unknown). */
export function corpusBodies(): CorpusBody[] {
  const out: CorpusBody[] = [];
  for (const entry of corpusEntries()) {
    if (entry.file.endsWith(".html") || entry.file.endsWith(".md")) continue;
    let values: unknown[];
    try {
      values = bodiesOf(readFileSync(join(CORPUS_DIR, entry.file), "utf8"), entry.file);
    } catch {
      continue; // a few corpus files are not JSON at all (HTML error pages); nothing to compare there
    }
    const path = (entry.uri ?? "").split("?")[0]!;
    const mapped = ACTIONS.find(([re]) => re.test(path))?.[1] ?? {
      request: "GenerateContentRequest",
      response: "GenerateContentResponse",
    };
    values.forEach((value, chunk) => {
      // Failed calls answer with the error envelope, whatever the endpoint (and a failing stream ends with one).
      const isError = entry.role !== "request" && value !== null && typeof value === "object" && "error" in value;
      const resource = isError ? "ErrorResponse" : entry.role === "request" ? mapped.request : mapped.response;
      out.push({ file: entry.file, chunk, resource, value });
    });
  }
  return out;
}
