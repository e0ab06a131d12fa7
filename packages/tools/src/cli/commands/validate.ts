// `gemini-typekit validate <Resource> [files… | -]`: checks payloads against a resource with the validation library
// (packages/runtime/src/), the same code users import. A file may hold one JSON value, or a stream of them — SSE (alt=sse), a
// JSON array (streamGenerateContent without alt=sse) or NDJSON — and each chunk is validated. Every problem is
// listed with its file, chunk (index and byte offset, line and column) and JSON Pointer; lenient mode's drift is
// listed too but does not fail the run. Nothing that is not a response passes: an empty or blank body, an HTML page,
// text, a JSON scalar, bytes that are not UTF-8, a stream with no chunk or cut inside one, and the API's error
// envelope (reported as the error it is, unless the resource is the envelope itself) each get a located issue.
// `validate --live` checks Live API sessions instead (validate-live.ts).
import { createReadStream } from "node:fs";
import { defineCommand, EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from "../command.ts";
import { byteOffset, lineColumnsAt, parseJsonText } from "../../util/json-text.ts";
import { printLive, validateLiveFile, type LiveFileResult, type LiveFormat } from "./validate-live.ts";
import { sniff, streamFraming, type Framing } from "../../util/framing.ts";
import { readSource, type Source } from "./validate-source.ts";
import type { Drift, Issue, Mode, ValidatedResourceName } from "@gemini-typekit/runtime";

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

async function validateFile(
  io: CliIo,
  resource: ValidatedResourceName,
  path: string,
  options: { mode: Mode; stream: boolean },
): Promise<FileResult> {
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
    const message = cut
      ? `the input ends inside the JSON value (${parsed.diagnostic.message})`
      : opensJson
        ? parsed.diagnostic.message
        : looksLike(text);
    addIssues(result, [
      { pointer: "", code: cut ? "truncated" : "invalid-json", message, offset: byteOffset(text, parsed.index) },
    ]);
    return;
  }
  result.chunks = 1;
  await checkValue(result, parsed.value, resource, mode);
}

/** Each chunk of a stream; a bad chunk does not hide the ones after it, broken framing ends the file. */
async function checkStream(
  result: FileResult,
  input: string | AsyncIterable<Uint8Array>,
  framing: Exclude<Framing, "json"> | "auto",
  resource: ValidatedResourceName,
  mode: Mode,
): Promise<void> {
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
async function checkValue(
  result: FileResult,
  value: unknown,
  resource: ValidatedResourceName,
  mode: Mode,
  at: { chunk?: number; offset?: number } = {},
): Promise<void> {
  const { apiErrorIssue, validateApiResponse } = await import("@gemini-typekit/runtime");
  const outcome = validateApiResponse(resource, value, { mode });
  if (!outcome.ok) {
    const lead: Issue[] =
      outcome.kind === "error"
        ? [
            {
              pointer: "/error",
              code: "api-error",
              message: "the body is the API's error envelope, and not a valid ErrorResponse",
              spec: "ErrorResponse",
            },
          ]
        : [];
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

function where(
  file: string,
  item: { chunk?: number; offset?: number; line?: number; column?: number },
  pointer: string,
): string {
  const lineColumn = item.line !== undefined ? `, line ${item.line}, column ${item.column}` : "";
  const place =
    item.chunk !== undefined
      ? ` chunk ${item.chunk} (byte ${item.offset ?? 0}${lineColumn})`
      : item.offset !== undefined
        ? ` byte ${item.offset}${lineColumn}`
        : "";
  return `${file}:${place} ${pointer || "/"}`;
}

function printHuman(io: CliIo, results: FileResult[]): void {
  for (const r of results) {
    for (const i of r.issues) {
      const extra = [i.spec, i.expected && `expected ${i.expected}`, i.received && `received ${i.received}`]
        .filter(Boolean)
        .join("; ");
      io.stdout(`${where(r.file, i, i.pointer)}: ${i.code}: ${i.message}${extra ? ` (${extra})` : ""}\n`);
    }
    for (const d of r.drift)
      io.stdout(
        `${where(r.file, d, d.path)}: drift ${d.kind}: ${JSON.stringify(d.value)?.slice(0, 60)}${d.spec ? ` (${d.spec})` : ""}\n`,
      );
    const count = r.framing === "json" ? "" : ` ${r.chunks} chunk${r.chunks === 1 ? "" : "s"} (${r.framing}),`;
    io.stdout(
      `${r.file}:${count} ${r.ok ? "valid" : `${r.issues.length} issue${r.issues.length === 1 ? "" : "s"}`}${r.drift.length ? `, ${r.drift.length} drift` : ""}\n`,
    );
  }
}

/** `--live`'s value: a direction for bare messages, nothing for session records, or (yargs took it) the first file. */
function liveInputs(live: string, positionals: readonly string[]): { format: LiveFormat; files: string[] } {
  if (live === "client" || live === "server") return { format: live, files: [...positionals] };
  return { format: "records", files: live === "" ? [...positionals] : [live, ...positionals] };
}

async function runLive(
  io: CliIo,
  args: { live: string; resource?: string; files?: string[]; strict: boolean; json: boolean },
): Promise<number> {
  // With --live there is no resource: every positional is a file (the message types come from the direction).
  const positionals = [args.resource, ...(args.files ?? [])]
    .filter((f): f is string => f !== undefined)
    .map((f) => (f === "" ? "-" : f));
  const { format, files } = liveInputs(args.live, positionals);
  const results: LiveFileResult[] = [];
  for (const path of files.length > 0 ? files : ["-"])
    results.push(await validateLiveFile(io, path, { format, strict: args.strict }));
  const ok = results.every((r) => r.ok);
  const mode = { client: "strict", server: args.strict ? "strict" : "lenient" };
  if (args.json) io.stdout(`${JSON.stringify({ ok, live: format, mode, results }, null, 2)}\n`);
  else printLive(io, results);
  return ok ? EXIT_OK : EXIT_INVALID;
}

export const validateCommand = defineCommand({
  command: "validate [resource] [files..]",
  describe:
    "Validate JSON, NDJSON, SSE or JSON-array payloads (files, or - for stdin) against a resource, or Live API sessions (--live)",
  builder: (y) =>
    y
      .positional("resource", {
        type: "string",
        describe: "Resource name, e.g. GenerateContentResponse (not with --live)",
      })
      .positional("files", { type: "string", array: true, describe: "Files to check; - or none reads stdin" })
      .option("live", {
        type: "string",
        describe:
          "Check Live API sessions: files of {direction, message} records, or with client|server files of bare messages sent that way",
      })
      .option("stream", {
        type: "boolean",
        default: false,
        describe: "Read each file as a stream (SSE, JSON array or NDJSON), chunk by chunk",
      })
      .option("strict", {
        type: "boolean",
        default: false,
        describe:
          "Unknown fields and enum values are errors (default: lenient, reported as drift; Live client messages are always strict)",
      })
      .option("json", { type: "boolean", default: false, describe: "Print the results as JSON" })
      .example("$0 validate GenerateContentResponse response.json", "")
      .example("curl … 'streamGenerateContent?alt=sse' | $0 validate GenerateContentResponse - --stream", "")
      .example("$0 validate --live session.jsonl", "")
      .example("$0 validate --live client messages.jsonl", ""),
  run: async (args, io) => {
    if (args.live !== undefined) return runLive(io, { ...args, live: args.live, files: args.files?.map(String) });
    if (args.resource === undefined) {
      io.stderr(
        "Not enough non-option arguments: name a resource (e.g. GenerateContentResponse), or give --live for Live API sessions.\n",
      );
      return EXIT_USAGE;
    }
    const { validators } = await import("@gemini-typekit/runtime");
    const resourceName = args.resource;
    if (!Object.prototype.hasOwnProperty.call(validators, resourceName)) {
      const lower = resourceName.toLowerCase();
      const near = Object.keys(validators)
        .filter((n) => n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase()))
        .slice(0, 5);
      io.stderr(
        `No resource named "${resourceName}".${near.length ? ` Did you mean: ${near.join(", ")}?` : ""} (Names are those of Google's API reference, e.g. GenerateContentResponse.).\n`,
      );
      return EXIT_USAGE;
    }
    // yargs hands a lone "-" positional over as "".
    const files = (args.files ?? []).map((f) => (f === "" ? "-" : String(f)));
    const inputs = files.length > 0 ? files : ["-"];
    const mode: Mode = args.strict ? "strict" : "lenient";
    const results: FileResult[] = [];
    const resource = resourceName as ValidatedResourceName;
    for (const path of inputs) results.push(await validateFile(io, resource, path, { mode, stream: args.stream }));
    const ok = results.every((r) => r.ok);
    if (args.json) io.stdout(`${JSON.stringify({ ok, resource: resourceName, mode, results }, null, 2)}\n`);
    else printHuman(io, results);
    return ok ? EXIT_OK : EXIT_INVALID;
  },
});
