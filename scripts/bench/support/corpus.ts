// The real corpus (../shared/fixtures/real) as the validation benchmarks use it: every Gemini API (generativelanguage,
// not Vertex) generateContent response body and every streamGenerateContent chunk, each with the exact bytes it was
// parsed from, so JSON.parse and validation can be timed on the same input.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const CORPUS_DIR = join(ROOT, "..", "shared", "fixtures", "real");

interface ManifestLine {
  file: string;
  role: "request" | "response" | "stream";
  uri?: string;
  status?: number;
}

export interface Body {
  file: string;
  chunk: number;
  /** The JSON text of this body (a whole file, one SSE `data:` payload or one element of a JSON-array stream). */
  text: string;
}

/** SSE `data:` payloads of an event stream, joined per event (multi-line data as the spec says). */
function sseData(text: string): string[] {
  const out: string[] = [];
  for (const event of text.split(/\r?\n\r?\n/)) {
    const data = event
      .split(/\r?\n/)
      .filter((l) => l.startsWith("data:"))
      .map((l) => l.slice(5).replace(/^ /, ""))
      .join("\n");
    if (data.trim() && data.trim() !== "[DONE]") out.push(data);
  }
  return out;
}

/** A Gemini API generateContent / streamGenerateContent response (not a request, not an error, not Vertex). */
function isGeminiGenerateResponse(e: ManifestLine): boolean {
  if (e.role === "request") return false;
  if ((e.status ?? 200) >= 400) return false;
  const dir = e.file.split("/")[0];
  if (e.uri) {
    const url = e.uri.split("?")[0]!;
    return url.includes("generativelanguage.googleapis.com") && /:(stream)?generateContent$/i.test(url);
  }
  // Notebook outputs and SDK mock data carry no URI: their folder says what they are (generate/, stream/).
  return dir === "generate" || dir === "stream";
}

/** SDK negative tests whose body is built to be no response at all (a `no-known-field` issue, not a response to time). */
const NOT_A_RESPONSE = new Set(["stream/generative-ai-swift-streaming-failure-invalid-json.sse"]);

/** Every body of the selection, with its exact JSON text. Files that are not JSON (HTML error pages) are skipped. */
export function geminiResponseBodies(): Body[] {
  if (!existsSync(join(CORPUS_DIR, "manifest.jsonl"))) {
    throw new Error(`the real corpus is not at ${CORPUS_DIR}: these benchmarks need ../shared/fixtures/real`);
  }
  const lines = readFileSync(join(CORPUS_DIR, "manifest.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ManifestLine);
  const out: Body[] = [];
  const seen = new Set<string>();
  for (const e of lines) {
    if (!isGeminiGenerateResponse(e) || NOT_A_RESPONSE.has(e.file) || seen.has(e.file)) continue;
    seen.add(e.file);
    const raw = readFileSync(join(CORPUS_DIR, e.file), "utf8");
    let texts: string[];
    if (e.file.endsWith(".sse")) texts = sseData(raw);
    else if (e.file.endsWith(".jsonl")) texts = raw.split("\n").filter((l) => l.trim());
    else if (e.file.endsWith(".json")) {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        continue;
      }
      // A JSON-array stream: each element is a chunk; its bytes are re-serialized (the array's own whitespace is
      // not a chunk's), which is what a framing parser hands on.
      texts = Array.isArray(value) ? value.map((v) => JSON.stringify(v)) : [raw];
    } else continue;
    texts.forEach((text, chunk) => {
      try {
        JSON.parse(text);
        out.push({ file: e.file, chunk, text });
      } catch {
        // not JSON (a truncated recording): nothing to validate
      }
    });
  }
  return out;
}
