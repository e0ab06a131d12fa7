// `gemini-typekit validate <Resource> [files… | -]`: checks payloads against a resource with the validation library
// (packages/runtime/src/), the same code users import. A file may hold one JSON value, or a stream of them — SSE (alt=sse), a
// JSON array (streamGenerateContent without alt=sse) or NDJSON — and each chunk is validated. Every problem is
// listed with its file, chunk (index and byte offset) and JSON Pointer; lenient mode's drift is listed too but
// does not fail the run.
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { defineCommand, EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from "../command.ts";
import { parseJsonText } from "../../util/json-text.ts";
import { inCwd } from "./shared.ts";
import type { Drift, Issue, Mode } from "@gemini-typekit/runtime";

type Framing = "json" | "sse" | "json-array" | "ndjson";

export interface FileResult {
  file: string;
  framing: Framing;
  /** Values checked: 1 for plain JSON, the chunk count for a stream. */
  chunks: number;
  ok: boolean;
  issues: Issue[];
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

/** Why a text that is not JSON is not: said in terms of what it most likely is. Undefined when it may be JSON. */
function notJson(text: string): string | undefined {
  const start = text.trimStart();
  if (text.length === 0) return "the input is empty: no JSON value";
  if (start.length === 0) return "the input holds only white space: no JSON value";
  if (/^<(?:!doctype\s+html|html|head|body)\b/i.test(start)) return "this is an HTML page, not JSON (a proxy or gateway error?)";
  if (start.startsWith("<")) return "this is markup (HTML or XML), not JSON";
  return undefined;
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

async function validateFile(io: CliIo, resource: string, path: string, options: { mode: Mode; stream: boolean }): Promise<FileResult> {
  const { validateResource } = await import("@gemini-typekit/runtime");
  const file = path === "-" ? "<stdin>" : path;
  const result: FileResult = { file, framing: "json", chunks: 0, ok: true, issues: [], drift: [] };
  const fail = (issue: Issue) => {
    result.ok = false;
    result.issues.push(issue);
  };
  // Files read as streams are never held whole: they are read chunk by chunk, after a peek at their first bytes.
  let input: string | NodeJS.ReadableStream;
  try {
    if (path === "-") {
      input = await (io.stdin ?? (async () => ""))();
      result.framing = sniff(input);
    } else if (options.stream) {
      const start = await head(inCwd(io, path));
      const framing = streamFraming(start);
      if (framing === undefined) {
        fail({ pointer: "", code: "stream-framing", message: `not a stream (SSE, JSON array or NDJSON): ${notJson(start) ?? `it starts with ${JSON.stringify(start.trimStart().slice(0, 20))}`} (byte 0, line 1, column 1)` });
        return result;
      }
      result.framing = framing;
      input = createReadStream(inCwd(io, path));
    } else {
      input = await readFile(inCwd(io, path), "utf8");
      result.framing = sniff(input);
    }
  } catch (e) {
    fail({ pointer: "", code: "invalid-value", message: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` });
    return result;
  }
  if (result.framing === "json") {
    const text = input as string;
    const unlike = notJson(text);
    if (unlike !== undefined) {
      fail({ pointer: "", code: "invalid-json", message: `${unlike} (byte 0, line 1, column 1)` });
      return result;
    }
    const parsed = parseJsonText(text, file);
    if (!parsed.ok) {
      const { line, column } = parsed.diagnostic.location;
      fail({ pointer: "", code: "invalid-json", message: `${parsed.diagnostic.message}${line ? ` (line ${line}, column ${column})` : ""}` });
      return result;
    }
    result.chunks = 1;
    const outcome = validateResource(resource, parsed.value, options.mode);
    if (outcome.ok) result.drift.push(...outcome.drift);
    else outcome.issues.forEach(fail);
    return result;
  }
  // Every chunk is checked (a bad chunk does not hide the ones after it); broken framing ends the file.
  const { readFrames, StreamError } = await import("@gemini-typekit/runtime");
  try {
    for await (const frame of readFrames(input as AsyncIterable<Uint8Array> | string, { framing: result.framing })) {
      result.chunks++;
      const at = { chunk: frame.index, offset: frame.offset };
      let value: unknown;
      try {
        value = JSON.parse(frame.text);
      } catch (e) {
        fail({ pointer: "", code: frame.complete ? "invalid-json" : "truncated", message: `the chunk is not JSON: ${(e as Error).message}`, ...at });
        continue;
      }
      const outcome = validateResource(resource, value, options.mode);
      if (outcome.ok) result.drift.push(...outcome.drift.map((d) => ({ ...d, ...at })));
      else outcome.issues.forEach((issue) => fail({ ...issue, ...at }));
    }
  } catch (e) {
    if (!(e instanceof StreamError)) throw e;
    e.issues.forEach(fail);
  }
  // A stream with no chunk carried no response at all.
  if (result.chunks === 0 && result.ok) fail({ pointer: "", code: "stream-framing", message: `the ${result.framing} stream holds no chunk: no response in it` });
  return result;
}

function where(file: string, item: { chunk?: number; offset?: number }, pointer: string): string {
  const chunk = item.chunk !== undefined ? ` chunk ${item.chunk} (byte ${item.offset ?? 0})` : "";
  return `${file}:${chunk} ${pointer || "/"}`;
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
    for (const path of inputs) results.push(await validateFile(io, args.resource, path, { mode, stream: args.stream }));
    const ok = results.every((r) => r.ok);
    if (args.json) io.stdout(`${JSON.stringify({ ok, resource: args.resource, mode, results }, null, 2)}\n`);
    else printHuman(io, results);
    return ok ? EXIT_OK : EXIT_INVALID;
  },
});
