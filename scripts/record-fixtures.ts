// Records live Gemini API payloads into test/fixtures/recorded/live/ and registers them in test/fixtures/manifest.jsonl.
//
//   GEMINI_API_KEY=… npx tsx scripts/record-fixtures.ts [--model gemini-2.5-flash] [--embed-model gemini-embedding-001] [--batch]
//
// Without GEMINI_API_KEY it says so and exits 0 without touching anything. The key travels only in the
// x-goog-api-key header, and every string this script writes (fixture bodies, manifest lines, its log) goes through
// redaction first, because the API can echo a key back (e.g. in an error's DebugInfo). Bodies are re-serialized the
// way the hand-made fixtures are (JSON.stringify with 2-space indentation + "\n"; SSE events as compact `data:` lines
// with the separator the server used), so round-trip tests compare them byte for byte.
//
// The manifest format and the SSE reader live here too; test/fixtures.test.ts uses them.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// ---------------------------------------------------------------- manifest

export type FixtureRole = "request" | "response" | "stream";
export type StreamFraming = "sse" | "json-array";

/** One line of test/fixtures/manifest.jsonl. */
export interface ManifestEntry {
  /** Path relative to test/fixtures/. */
  file: string;
  /** Spec resource the body (or each stream chunk) is; "ErrorResponse" for error bodies. */
  resource: string;
  role: FixtureRole;
  /** Method id as in spec/imported/methods.json, e.g. "models.generateContent". */
  method: string;
  /** Only for role "stream". */
  framing?: StreamFraming;
  /** "seed:<file>#<where>", "live:<YYYY-MM-DD>" or "constructed". */
  obtained: string;
  /** One line on what the fixture shows. */
  shows: string;
}

const ENTRY_KEYS = ["file", "resource", "role", "method", "framing", "obtained", "shows"] as const;

export function parseManifest(text: string): ManifestEntry[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, n }) => {
      try {
        return JSON.parse(line) as ManifestEntry;
      } catch (e) {
        throw new Error(`manifest line ${n}: ${(e as Error).message}`, { cause: e });
      }
    });
}

/** One JSON object per line, keys always in the same order, trailing newline. */
export function serializeManifest(entries: readonly ManifestEntry[]): string {
  return entries
    .map((entry) => {
      const ordered: Record<string, unknown> = {};
      for (const key of ENTRY_KEYS) if (entry[key] !== undefined) ordered[key] = entry[key];
      return `${JSON.stringify(ordered)}\n`;
    })
    .join("");
}

/** Entries whose file is already listed replace that line where it stands; new files are appended in order. */
export function updateManifest(
  existing: readonly ManifestEntry[],
  incoming: readonly ManifestEntry[],
): ManifestEntry[] {
  const out = [...existing];
  for (const entry of incoming) {
    const at = out.findIndex((e) => e.file === entry.file);
    if (at === -1) out.push(entry);
    else out[at] = entry;
  }
  return out;
}

// ---------------------------------------------------------------- redaction

export const REDACTED = "REDACTED";
const SECRET_HEADERS = new Set(["x-goog-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie"]);

/** Every occurrence of each secret (as is and percent-encoded) replaced by REDACTED; `key=` query values too. */
export function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === "") continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  return out.replace(/([?&]key=)[^&#\s"']+/g, `$1${REDACTED}`);
}

/** A deep copy with every string (object keys included) redacted. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === "string") return redactString(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v, secrets)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redactString(k, secrets)] = redactValue(v, secrets);
    return out as T;
  }
  return value;
}

/** Credential headers become REDACTED whatever they hold; other values are redacted like any string. */
export function redactHeaders(headers: Record<string, string>, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactString(value, secrets);
  }
  return out;
}

// ---------------------------------------------------------------- body formats

export const formatJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export type SseSeparator = "\r\n\r\n" | "\n\n";

/** The JSON payload of each `data:` event (multi-line data joined by "\n"), and the event separator used. */
export function parseSse(text: string): { events: unknown[]; separator: SseSeparator } {
  const separator: SseSeparator = text.includes("\r\n\r\n") ? "\r\n\r\n" : "\n\n";
  const events: unknown[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).replace(/^ /, ""));
    if (data.length > 0) events.push(JSON.parse(data.join("\n")));
  }
  return { events, separator };
}

export function formatSse(events: readonly unknown[], separator: SseSeparator = "\r\n\r\n"): string {
  return events.map((e) => `data: ${JSON.stringify(e)}${separator}`).join("");
}

// ---------------------------------------------------------------- the recording plan

export const API_ROOT = "https://generativelanguage.googleapis.com";
export const LIVE_DIR = "recorded/live";

export interface RecordOptions {
  apiKey: string;
  fetch: typeof fetch;
  /** Directory holding manifest.jsonl and the fixture folders (test/fixtures/ in the project). */
  fixturesDir: string;
  now: Date;
  model: string;
  embedModel: string;
  /** Also create (and then cancel) a one-request batch to record the Operation batchGenerateContent returns. */
  batch: boolean;
  log: (line: string) => void;
}

interface Exchange {
  status: number;
  headers: Headers;
  text: string;
}

/** The small fixed list of live calls, and how each is written. */
export async function recordAll(opts: RecordOptions): Promise<ManifestEntry[]> {
  const secrets = [opts.apiKey];
  const date = opts.now.toISOString().slice(0, 10);
  const written: ManifestEntry[] = [];
  const model = `models/${opts.model}`;

  const call = async (method: string, url: string, init: { headers?: Record<string, string>; body?: string } = {}) => {
    const headers = { "x-goog-api-key": opts.apiKey, ...init.headers };
    opts.log(redactString(`${method} ${url} ${JSON.stringify(redactHeaders(headers, secrets))}`, secrets));
    const res = await opts.fetch(url, { method, headers, body: init.body });
    const exchange: Exchange = { status: res.status, headers: res.headers, text: await res.text() };
    opts.log(`  -> ${exchange.status}`);
    return exchange;
  };
  const save = (entry: Omit<ManifestEntry, "obtained">, text: string) => {
    const path = join(opts.fixturesDir, entry.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, redactString(text, secrets));
    written.push(redactValue({ ...entry, obtained: `live:${date}` }, secrets));
  };
  const saveJson = (entry: Omit<ManifestEntry, "obtained">, value: unknown) =>
    save(entry, formatJson(redactValue(value, secrets)));
  const describe = (httpMethod: string, path: string, status: number, what: string) =>
    `Live ${httpMethod} ${path} answered ${status}: ${what}`;

  /** Writes the request and the (JSON) response of one call; an error status is recorded as an ErrorResponse. */
  const unary = async (o: {
    name: string;
    method: string;
    httpMethod: "GET" | "POST" | "DELETE";
    path: string;
    request?: { resource: string; body: unknown };
    response: string;
    what: string;
  }): Promise<unknown> => {
    const body = o.request ? JSON.stringify(o.request.body) : undefined;
    const headers: Record<string, string> = body ? { "content-type": "application/json" } : {};
    const ex = await call(o.httpMethod, `${API_ROOT}/${o.path}`, { headers, body });
    if (o.request) {
      saveJson(
        {
          file: `${LIVE_DIR}/${o.name}.request.json`,
          resource: o.request.resource,
          role: "request",
          method: o.method,
          shows: `Request body sent live to ${o.path}.`,
        },
        o.request.body,
      );
    }
    const value = parseJsonBody(ex, o.path);
    const ok = ex.status >= 200 && ex.status < 300;
    saveJson(
      {
        file: `${LIVE_DIR}/${o.name}.response.json`,
        resource: ok ? o.response : "ErrorResponse",
        role: "response",
        method: o.method,
        shows: describe(o.httpMethod, o.path, ex.status, ok ? o.what : "an error body."),
      },
      value,
    );
    return ok ? value : undefined;
  };

  const prompt = {
    contents: [{ role: "user", parts: [{ text: "In two sentences: why do bicycle chains wear out?" }] }],
  };
  const streamBody = {
    ...prompt,
    generationConfig: { thinkingConfig: { includeThoughts: true } },
  };

  await unary({
    name: "generate-content",
    method: "models.generateContent",
    httpMethod: "POST",
    path: `v1beta/${model}:generateContent`,
    request: { resource: "GenerateContentRequest", body: prompt },
    response: "GenerateContentResponse",
    what: "a short text answer.",
  });

  for (const framing of ["sse", "json-array"] as const) {
    const path = `v1beta/${model}:streamGenerateContent${framing === "sse" ? "?alt=sse" : ""}`;
    const ex = await call("POST", `${API_ROOT}/${path}`, {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(streamBody),
    });
    const name = `stream-generate-content.${framing}`;
    saveJson(
      {
        file: `${LIVE_DIR}/${name}.request.json`,
        resource: "GenerateContentRequest",
        role: "request",
        method: "models.streamGenerateContent",
        shows: `Request body sent live to ${path}.`,
      },
      streamBody,
    );
    const ok = ex.status >= 200 && ex.status < 300;
    if (!ok) {
      saveJson(
        {
          file: `${LIVE_DIR}/${name}.response.json`,
          resource: "ErrorResponse",
          role: "response",
          method: "models.streamGenerateContent",
          shows: describe("POST", path, ex.status, "an error body."),
        },
        parseJsonBody(ex, path),
      );
    } else if (framing === "sse") {
      const { events, separator } = parseSse(ex.text);
      save(
        {
          file: `${LIVE_DIR}/${name}.sse`,
          resource: "GenerateContentResponse",
          role: "stream",
          method: "models.streamGenerateContent",
          framing,
          shows: describe(
            "POST",
            path,
            ex.status,
            `${events.length} server-sent events with thought summaries requested.`,
          ),
        },
        formatSse(redactValue(events, secrets), separator),
      );
    } else {
      const chunks = parseJsonBody(ex, path) as unknown[];
      saveJson(
        {
          file: `${LIVE_DIR}/${name}.json`,
          resource: "GenerateContentResponse",
          role: "stream",
          method: "models.streamGenerateContent",
          framing,
          shows: describe("POST", path, ex.status, `one JSON array of ${chunks.length} chunks.`),
        },
        chunks,
      );
    }
  }

  await unary({
    name: "count-tokens",
    method: "models.countTokens",
    httpMethod: "POST",
    path: `v1beta/${model}:countTokens`,
    request: { resource: "CountTokensRequest", body: prompt },
    response: "CountTokensResponse",
    what: "the prompt's token count.",
  });

  const embedModel = `models/${opts.embedModel}`;
  await unary({
    name: "embed-content",
    method: "models.embedContent",
    httpMethod: "POST",
    path: `v1beta/${embedModel}:embedContent`,
    request: {
      resource: "EmbedContentRequest",
      body: {
        model: embedModel,
        content: { parts: [{ text: "Chains stretch as their pins and rollers wear." }] },
        taskType: "RETRIEVAL_DOCUMENT",
        outputDimensionality: 128,
      },
    },
    response: "EmbedContentResponse",
    what: "a 128-value embedding.",
  });

  const uploaded = await upload();
  const fileName = (uploaded as { file?: { name?: string } } | undefined)?.file?.name;
  if (fileName) {
    await unary({
      name: "files-get",
      method: "files.get",
      httpMethod: "GET",
      path: `v1beta/${fileName}`,
      response: "File",
      what: "the uploaded text file's metadata.",
    });
    await unary({
      name: "files-list",
      method: "files.list",
      httpMethod: "GET",
      path: "v1beta/files?pageSize=5",
      response: "ListFilesResponse",
      what: "one page of the project's files.",
    });
    await unary({
      name: "files-delete",
      method: "files.delete",
      httpMethod: "DELETE",
      path: `v1beta/${fileName}`,
      response: "Empty",
      what: "deleting the uploaded file.",
    });
  } else {
    opts.log("upload failed: files.get, files.list and files.delete were not recorded");
  }

  if (opts.batch) {
    const op = await unary({
      name: "batch-generate-content",
      method: "models.batchGenerateContent",
      httpMethod: "POST",
      path: `v1beta/${model}:batchGenerateContent`,
      request: {
        resource: "BatchGenerateContentRequest",
        body: {
          batch: {
            model,
            displayName: "gemini-typekit-recording",
            inputConfig: { requests: { requests: [{ request: prompt, metadata: { key: "only" } }] } },
          },
        },
      },
      response: "Operation",
      what: "the batch Operation, not done yet.",
    });
    const name = (op as { name?: string } | undefined)?.name;
    if (name) await call("POST", `${API_ROOT}/v1beta/${name}:cancel`);
  }

  const manifestPath = join(opts.fixturesDir, "manifest.jsonl");
  const existing = existsSync(manifestPath) ? parseManifest(readFileSync(manifestPath, "utf8")) : [];
  writeFileSync(manifestPath, serializeManifest(updateManifest(existing, written)));
  return written;

  /** media.upload through the resumable protocol: a metadata start call, then the bytes with "upload, finalize". */
  async function upload(): Promise<unknown> {
    const content = "gemini-typekit fixture recording: a small text file.\n";
    const size = new TextEncoder().encode(content).byteLength;
    const metadata = { file: { displayName: "gemini-typekit-recording.txt" } };
    const start = await call("POST", `${API_ROOT}/upload/v1beta/files`, {
      headers: {
        "x-goog-upload-protocol": "resumable",
        "x-goog-upload-command": "start",
        "x-goog-upload-header-content-length": String(size),
        "x-goog-upload-header-content-type": "text/plain",
        "content-type": "application/json",
      },
      body: JSON.stringify(metadata),
    });
    saveJson(
      {
        file: `${LIVE_DIR}/media-upload.request.json`,
        resource: "CreateFileRequest",
        role: "request",
        method: "media.upload",
        shows: "Metadata body of a live resumable upload's start call.",
      },
      metadata,
    );
    const uploadUrl = start.headers.get("x-goog-upload-url");
    if (start.status >= 300 || !uploadUrl) {
      saveJson(
        {
          file: `${LIVE_DIR}/media-upload.response.json`,
          resource: "ErrorResponse",
          role: "response",
          method: "media.upload",
          shows: describe("POST", "upload/v1beta/files", start.status, "the upload could not start."),
        },
        parseJsonBody(start, "upload/v1beta/files"),
      );
      return undefined;
    }
    const done = await call("POST", uploadUrl, {
      headers: {
        "x-goog-upload-command": "upload, finalize",
        "x-goog-upload-offset": "0",
        "content-length": String(size),
      },
      body: content,
    });
    const ok = done.status >= 200 && done.status < 300;
    const value = parseJsonBody(done, "upload/v1beta/files");
    saveJson(
      {
        file: `${LIVE_DIR}/media-upload.response.json`,
        resource: ok ? "CreateFileResponse" : "ErrorResponse",
        role: "response",
        method: "media.upload",
        shows: describe(
          "POST",
          "upload/v1beta/files",
          done.status,
          ok ? "the finalized upload's File under `file`." : "an error body.",
        ),
      },
      value,
    );
    return ok ? value : undefined;
  }
}

function parseJsonBody(ex: Exchange, where: string): unknown {
  try {
    return JSON.parse(ex.text);
  } catch {
    throw new Error(`${where}: HTTP ${ex.status} with a body that is not JSON (${ex.text.slice(0, 80)}…)`);
  }
}

// ---------------------------------------------------------------- command line

function option(args: readonly string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at !== -1 && args[at + 1] ? (args[at + 1] as string) : fallback;
}

export async function main(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const apiKey = env.GEMINI_API_KEY ?? "";
  if (apiKey === "") {
    console.log("record-fixtures: GEMINI_API_KEY is not set, so nothing was recorded and no file was changed.");
    console.log(
      "Set it to record live fixtures: GEMINI_API_KEY=… npx tsx scripts/record-fixtures.ts [--model M] [--batch]",
    );
    return 0;
  }
  const fixturesDir = resolve(fileURLToPath(new URL("../test/fixtures", import.meta.url)));
  const written = await recordAll({
    apiKey,
    fetch: globalThis.fetch,
    fixturesDir,
    now: new Date(),
    model: option(args, "--model", "gemini-2.5-flash"),
    embedModel: option(args, "--embed-model", "gemini-embedding-001"),
    batch: args.includes("--batch"),
    log: (line) => console.log(redactString(line, [apiKey])),
  });
  console.log(
    `record-fixtures: wrote ${written.length} fixtures under ${join(fixturesDir, LIVE_DIR)} and updated manifest.jsonl`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(
        `record-fixtures: ${redactString(String(e instanceof Error ? e.message : e), [process.env.GEMINI_API_KEY ?? ""])}`,
      );
      process.exitCode = 1;
    },
  );
}
