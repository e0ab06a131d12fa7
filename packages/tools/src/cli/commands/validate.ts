// `gemini-typekit validate <Resource> [files… | -]`: checks payloads against a resource with the validation library
// (packages/runtime/src/), the same code users import. A file may hold one JSON value, or a stream of them — SSE (alt=sse), a
// JSON array (streamGenerateContent without alt=sse) or NDJSON — and each chunk is validated. Every problem is
// listed with its file, chunk (index and byte offset, line and column) and JSON Pointer; lenient mode's drift is
// listed too but does not fail the run. Nothing that is not a response passes: an empty or blank body, an HTML page,
// text, a JSON scalar, bytes that are not UTF-8, a stream with no chunk or cut inside one, and the API's error
// envelope (reported as the error it is, unless the resource is the envelope itself) each get a located issue.
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { defineCommand, EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from "../command.ts";
import { byteOffset, decodeUtf8, lineColumnsAt, parseJsonText } from "../../util/json-text.ts";
import { inCwd } from "./shared.ts";
import type { Drift, Issue, Mode, ValidatedResourceName } from "@gemini-typekit/runtime";

type Framing = "json" | "sse" | "json-array" | "ndjson";

/** An issue as the CLI reports it: with line and column when it has a byte offset in the file. */
export type LocatedIssue = Issue & { line?: number; column?: number };

export interface FileResult {
  file: string;
  framing: Framing;
  /** Values checked: 1 for plain JSON, the chunk count for a stream. */
  chunks: number;
  ok: boolean;
  issues: LocatedIssue[];
  drift: (Drift & { chunk?: number; offset?: number })[];
}

/** A first line an SSE stream can start with: a field (`data:`, `event:`, `id:`, `retry:`) or a comment (`:`). */
const SSE_LINE = /^(?:data|event|id|retry)?:/;

/**
 * The framing a stream's first bytes announce: `[` a JSON array, `{` NDJSON, an SSE field or comment line SSE;
 * anything else (nothing at all, text, an HTML page) is no stream.
 */
function streamFraming(head: string): Exclude<Framing, "json"> | undefined {
  const first = /\S/.exec(head)?.[0];
  if (first === "[") return "json-array";
  if (first === "{") return "ndjson";
  return SSE_LINE.test(head.trimStart()) ? "sse" : undefined;
}

/**
 * What a whole text holds. A resource is always a JSON object, so a text that parses as one object is one value;
 * otherwise it is a stream, unless it starts like one object and its first line does not parse either (then it is
 * a broken JSON value, reported with its line and column). A text that is no stream is read as one JSON value, so
 * that whatever it is gets its issue.
 */
function sniff(text: string): Framing {
  const framing = streamFraming(text);
  if (framing !== "ndjson") return framing ?? "json";
  try {
    JSON.parse(text);
    return "json";
  } catch {
    try {
      JSON.parse(text.trimStart().split(/\r?\n/, 1)[0] ?? "");
      return "ndjson";
    } catch {
      return "json";
    }
  }
}

/** The first bytes of a file, enough to see which framing it has. */
async function head(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

/** What a file holds, read whole (text) or to be streamed (a path), or why it could not be read. */
type Source = { kind: "text"; text: string; bytes: Uint8Array } | { kind: "stream"; path: string; head: string } | { kind: "failed"; issue: Issue; bytes?: Uint8Array };

async function readSource(io: CliIo, path: string, stream: boolean): Promise<Source> {
  try {
    if (stream && path !== "-") return { kind: "stream", path: inCwd(io, path), head: await head(inCwd(io, path)) };
    const input = path === "-" ? await (io.stdin ?? (async () => ""))() : await readFile(inCwd(io, path));
    if (typeof input === "string") return { kind: "text", text: input, bytes: Buffer.from(input, "utf8") };
    const bytes = input;
    const decoded = decodeUtf8(bytes);
    if (decoded.ok) return { kind: "text", text: decoded.text, bytes };
    const byte = `0x${decoded.byte.toString(16).toUpperCase().padStart(2, "0")}`;
    return { kind: "failed", issue: { pointer: "", code: "invalid-json", message: `the input is not valid UTF-8 here (byte ${byte})`, offset: decoded.offset }, bytes };
  } catch (e) {
    return { kind: "failed", issue: { pointer: "", code: "invalid-value", message: `cannot read ${path === "-" ? "<stdin>" : path}: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

async function validateFile(io: CliIo, resource: ValidatedResourceName, path: string, options: { mode: Mode; stream: boolean }): Promise<FileResult> {
  const file = path === "-" ? "<stdin>" : path;
  const result: FileResult = { file, framing: "json", chunks: 0, ok: true, issues: [], drift: [] };
  const source = await readSource(io, path, options.stream);
  if (source.kind === "failed") {
    addIssues(result, [source.issue]);
  } else if (source.kind === "stream") {
    // Files read as streams are never held whole: read chunk by chunk, after a peek at their first bytes.
    result.framing = streamFraming(source.head) ?? "json";
    await checkStream(result, createReadStream(source.path), "auto", resource, options.mode);
  } else {
    result.framing = sniff(source.text);
    if (result.framing === "json") await checkJson(result, source.text, resource, options.mode);
    else await checkStream(result, source.text, result.framing, resource, options.mode);
  }
  await locateLines(result, source);
  return result;
}

function addIssues(result: FileResult, issues: readonly Issue[], at: { chunk?: number; offset?: number } = {}): void {
  if (issues.length === 0) return;
  result.ok = false;
  for (const issue of issues) result.issues.push({ ...issue, ...at });
}

/** One JSON value: a syntax error located by byte, line and column, saying what the text looks like. */
async function checkJson(result: FileResult, text: string, resource: ValidatedResourceName, mode: Mode): Promise<void> {
  const parsed = parseJsonText(text, result.file);
  if (!parsed.ok) {
    const { looksLike } = await import("@gemini-typekit/runtime");
    // Broken JSON gets the parser's word; anything else is better named for what it is.
    const opensJson = /^\s*[{["]/.test(text);
    // JSON that stops where the text does was cut short; JSON that breaks before its end was written wrong.
    const cut = opensJson && parsed.index >= text.trimEnd().length;
    const message = cut ? `the input ends inside the JSON value (${parsed.diagnostic.message})` : opensJson ? parsed.diagnostic.message : looksLike(text);
    addIssues(result, [{ pointer: "", code: cut ? "truncated" : "invalid-json", message, offset: byteOffset(text, parsed.index) }]);
    return;
  }
  result.chunks = 1;
  await checkValue(result, parsed.value, resource, mode);
}

/** Each chunk of a stream; a bad chunk does not hide the ones after it, broken framing ends the file. */
async function checkStream(result: FileResult, input: string | AsyncIterable<Uint8Array>, framing: Exclude<Framing, "json"> | "auto", resource: ValidatedResourceName, mode: Mode): Promise<void> {
  const { parseStream, StreamError } = await import("@gemini-typekit/runtime");
  // Every chunk is accepted here and checked below, so that error envelopes are judged per resource (validateApiResponse).
  const accept = (value: unknown) => ({ ok: true as const, value, drift: [] });
  try {
    for await (const chunk of parseStream(input, { framing, validate: accept, errorResponse: false })) {
      result.chunks++;
      await checkValue(result, chunk.value, resource, mode, { chunk: chunk.index, offset: chunk.offset });
    }
  } catch (e) {
    if (!(e instanceof StreamError)) throw e;
    addIssues(result, e.issues);
  }
}

/** A value as a response of `resource`, or as the API's error envelope when that is what it is. */
async function checkValue(result: FileResult, value: unknown, resource: ValidatedResourceName, mode: Mode, at: { chunk?: number; offset?: number } = {}): Promise<void> {
  const { apiErrorIssue, validateApiResponse } = await import("@gemini-typekit/runtime");
  const outcome = validateApiResponse(resource, value, { mode });
  if (!outcome.ok) {
    const lead: Issue[] = outcome.kind === "error" ? [{ pointer: "/error", code: "api-error", message: "the body is the API's error envelope, and not a valid ErrorResponse", spec: "ErrorResponse" }] : [];
    addIssues(result, [...lead, ...outcome.issues], at);
  } else if (outcome.kind === "error") addIssues(result, [apiErrorIssue(outcome.error.error)], at);
  else result.drift.push(...outcome.drift.map((d) => ({ ...d, ...at })));
}

/** Line and column of every issue that has a byte offset, from the bytes read (or the file, read again). */
async function locateLines(result: FileResult, source: Source): Promise<void> {
  const offsets = result.issues.flatMap((i) => (i.offset === undefined ? [] : [i.offset]));
  if (offsets.length === 0) return;
  const bytes = source.kind === "stream" ? createReadStream(source.path) : source.bytes;
  if (!bytes) return;
  const found = await lineColumnsAt(bytes, offsets);
  for (const issue of result.issues) {
    const place = issue.offset === undefined ? undefined : found.get(issue.offset);
    if (place) Object.assign(issue, place);
  }
}

function where(file: string, item: { chunk?: number; offset?: number; line?: number; column?: number }, pointer: string): string {
  const lineColumn = item.line !== undefined ? `, line ${item.line}, column ${item.column}` : "";
  const place = item.chunk !== undefined ? ` chunk ${item.chunk} (byte ${item.offset ?? 0}${lineColumn})` : item.offset !== undefined ? ` byte ${item.offset}${lineColumn}` : "";
  return `${file}:${place} ${pointer || "/"}`;
}

function printHuman(io: CliIo, results: FileResult[]): void {
  for (const r of results) {
    for (const i of r.issues) {
      const extra = [i.spec, i.expected && `expected ${i.expected}`, i.received && `received ${i.received}`].filter(Boolean).join("; ");
      io.stdout(`${where(r.file, i, i.pointer)}: ${i.code}: ${i.message}${extra ? ` (${extra})` : ""}\n`);
    }
    for (const d of r.drift) io.stdout(`${where(r.file, d, d.path)}: drift ${d.kind}: ${JSON.stringify(d.value)?.slice(0, 60)}${d.spec ? ` (${d.spec})` : ""}\n`);
    const count = r.framing === "json" ? "" : ` ${r.chunks} chunk${r.chunks === 1 ? "" : "s"} (${r.framing}),`;
    io.stdout(`${r.file}:${count} ${r.ok ? "valid" : `${r.issues.length} issue${r.issues.length === 1 ? "" : "s"}`}${r.drift.length ? `, ${r.drift.length} drift` : ""}\n`);
  }
}

export const validateCommand = defineCommand({
  command: "validate <resource> [files..]",
  describe: "Validate JSON, NDJSON, SSE or JSON-array payloads (files, or - for stdin) against a resource",
  builder: (y) =>
    y
      .positional("resource", { type: "string", demandOption: true, describe: "Resource name, e.g. GenerateContentResponse" })
      .positional("files", { type: "string", array: true, describe: "Files to check; - or none reads stdin" })
      .option("stream", { type: "boolean", default: false, describe: "Read each file as a stream (SSE, JSON array or NDJSON), chunk by chunk" })
      .option("strict", { type: "boolean", default: false, describe: "Unknown fields and enum values are errors (default: lenient, reported as drift)" })
      .option("json", { type: "boolean", default: false, describe: "Print the results as JSON" })
      .example("$0 validate GenerateContentResponse response.json", "")
      .example("curl … 'streamGenerateContent?alt=sse' | $0 validate GenerateContentResponse - --stream", ""),
  run: async (args, io) => {
    const { validators } = await import("@gemini-typekit/runtime");
    if (!Object.prototype.hasOwnProperty.call(validators, args.resource)) {
      const lower = args.resource.toLowerCase();
      const near = Object.keys(validators).filter((n) => n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase())).slice(0, 5);
      io.stderr(`No resource named "${args.resource}".${near.length ? ` Did you mean: ${near.join(", ")}?` : ""} (Names are those of Google's API reference, e.g. GenerateContentResponse.).\n`);
      return EXIT_USAGE;
    }
    // yargs hands a lone "-" positional over as "".
    const files = (args.files ?? []).map((f) => (f === "" ? "-" : String(f)));
    const inputs = files.length > 0 ? files : ["-"];
    const mode: Mode = args.strict ? "strict" : "lenient";
    const results: FileResult[] = [];
    const resource = args.resource as ValidatedResourceName;
    for (const path of inputs) results.push(await validateFile(io, resource, path, { mode, stream: args.stream }));
    const ok = results.every((r) => r.ok);
    if (args.json) io.stdout(`${JSON.stringify({ ok, resource: args.resource, mode, results }, null, 2)}\n`);
    else printHuman(io, results);
    return ok ? EXIT_OK : EXIT_INVALID;
  },
});
