// `gemini-typekit validate --live FILE…`: Live API (BidiGenerateContent) sessions, message by message, through the
// runtime's createLiveSession — the same checks a program gets on its socket. A file is a session in the corpus
// format (one `{"direction": "client" | "server", "message": {…}}` a line, or a JSON array of them), or, with
// `--live client|server`, a stream of bare messages of that direction (one a line, or a JSON array). Every issue
// names the file, the message's index and line, its direction and the JSON Pointer in that line's value; a record's
// message sits under /message. Lines that are no JSON, records that are no records and broken framing are issues
// too, located like the rest; nothing in a file is skipped silently.
import type { Drift, Issue, Mode } from "@gemini-typekit/runtime";
import { byteOffset, lineColumnsAt, parseJsonText } from "../../util/json-text.ts";
import type { CliIo } from "../command.ts";
import { readSource } from "./validate-source.ts";

export type LiveDirection = "client" | "server";

/** What a file holds: session records, or bare messages all sent one way. */
export type LiveFormat = "records" | LiveDirection;

/** Where in the file: the message's index (from 0, in file order), its direction, byte offset, line and column. */
export interface LivePlace {
  index?: number;
  direction?: LiveDirection;
  offset?: number;
  line?: number;
  column?: number;
}

/** error = the server rejects it (the run fails); warning = reported, but the server has been seen accepting it. */
export type LiveSeverity = "error" | "warning";

export type LiveFileIssue = Issue & LivePlace & { severity: LiveSeverity; rule?: string };
export type LiveFileDrift = Drift & LivePlace;

export interface LiveFileResult {
  file: string;
  format: LiveFormat;
  /** Messages read (records or bare messages), whether or not they were valid. */
  messages: number;
  client: number;
  server: number;
  ok: boolean;
  issues: LiveFileIssue[];
  drift: LiveFileDrift[];
}

export interface LiveOptions {
  format: LiveFormat;
  /** `--strict`: server messages strict too (drift is an error). Client messages are strict either way. */
  strict: boolean;
}

/** A frame of the file: one line of NDJSON or one element of a JSON array, with the byte offset where it starts. */
interface Frame {
  index: number;
  offset: number;
  text: string;
  /** False for a last line with no line break after it: JSON that ends early there was cut off. */
  complete: boolean;
}

/** Minimal view of the runtime's Live session, so this module reads as what it needs from it. */
type SessionIssue = Issue & { index: number; severity: LiveSeverity; rule?: string };
interface Session {
  push(direction: LiveDirection, message: unknown): { issues: SessionIssue[]; drift: Drift[] };
  readonly issues: readonly SessionIssue[];
}

export async function validateLiveFile(io: CliIo, path: string, options: LiveOptions): Promise<LiveFileResult> {
  const file = path === "-" ? "<stdin>" : path;
  const result: LiveFileResult = {
    file,
    format: options.format,
    messages: 0,
    client: 0,
    server: 0,
    ok: true,
    issues: [],
    drift: [],
  };
  const source = await readSource(io, path, false);
  if (source.kind === "failed") addIssue(result, source.issue);
  else if (source.kind === "text") await checkSession(result, source.text, options);
  const bytes = source.kind === "stream" ? undefined : source.bytes;
  if (bytes) await locateLines(result, bytes);
  return result;
}

/** An issue of the file; what this module finds itself (no JSON, no record, broken framing) is always an error. */
function addIssue(result: LiveFileResult, issue: Omit<LiveFileIssue, "severity"> & { severity?: LiveSeverity }): void {
  const severity = issue.severity ?? "error";
  if (severity === "error") result.ok = false;
  result.issues.push({ ...issue, severity });
}

async function checkSession(result: LiveFileResult, text: string, options: LiveOptions): Promise<void> {
  const { createLiveSession } = await import("@gemini-typekit/runtime");
  const session: Session = createLiveSession(options.strict ? { server: { mode: "strict" as Mode } } : {});
  /** The file index of each message the session was given, by the session's own index. */
  const fileIndexOf: number[] = [];
  const reported = new Set<unknown>();
  for (const frame of await framesOf(result, text)) {
    result.messages++;
    const parsed = parseJsonText(frame.text, result.file);
    if (!parsed.ok) {
      const offset = frame.offset + byteOffset(frame.text, parsed.index);
      const cut = !frame.complete && parsed.index >= frame.text.trimEnd().length;
      const message = cut
        ? `the input ends inside message ${frame.index} (${parsed.diagnostic.message})`
        : parsed.diagnostic.message;
      addIssue(result, { pointer: "", code: cut ? "truncated" : "invalid-json", message, index: frame.index, offset });
      continue;
    }
    const entry =
      options.format === "records"
        ? asRecord(parsed.value)
        : { direction: options.format, message: parsed.value, prefix: "" };
    if ("problem" in entry) {
      addIssue(result, { ...entry.problem, index: frame.index, offset: frame.offset });
      continue;
    }
    result[entry.direction]++;
    const place: LivePlace = { index: frame.index, direction: entry.direction, offset: frame.offset };
    fileIndexOf.push(frame.index);
    const checked = session.push(entry.direction, entry.message);
    for (const issue of checked.issues) {
      reported.add(issue);
      addIssue(result, { ...issue, ...place, pointer: entry.prefix + issue.pointer });
    }
    for (const d of checked.drift) result.drift.push({ ...d, ...place, path: entry.prefix + d.path });
  }
  // A session rule may speak of a message only after later ones (none does today): nothing it says is dropped.
  for (const issue of session.issues) {
    if (reported.has(issue)) continue;
    addIssue(result, { ...issue, index: fileIndexOf[issue.index] ?? issue.index });
  }
}

/**
 * The frames of a file: NDJSON lines (a single value over several lines is one frame) or JSON-array elements, read
 * by the runtime's framers. A file that starts with neither `{` nor `[` (nothing at all, an SSE stream, an HTML page,
 * text) holds no Live message: one issue at its start, saying what it looks like.
 */
async function framesOf(result: LiveFileResult, text: string): Promise<Frame[]> {
  const { looksLike, readFrames, StreamError } = await import("@gemini-typekit/runtime");
  const start = /[^\uFEFF \t\r\n]/.exec(text);
  const framing = start?.[0] === "[" ? "json-array" : start?.[0] === "{" ? "ndjson" : undefined;
  if (framing === undefined) {
    const offset = start ? byteOffset(text, start.index) : 0;
    addIssue(result, {
      pointer: "",
      code: "stream-framing",
      message: `no Live message here: ${looksLike(text)} (a session is one JSON message a line, or a JSON array)`,
      offset,
    });
    return [];
  }
  const frames: Frame[] = [];
  try {
    for await (const frame of readFrames(text, { framing }))
      frames.push({ index: frame.index, offset: frame.offset, text: frame.text, complete: frame.complete });
  } catch (e) {
    if (!(e instanceof StreamError)) throw e;
    for (const { chunk, ...issue } of e.issues) addIssue(result, { ...issue, index: chunk });
  }
  return frames;
}

type Entry = { direction: LiveDirection; message: unknown; prefix: string } | { problem: Issue };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A session record `{"direction", "message"}`, or why the value is none (with a hint when it is a bare message). */
function asRecord(value: unknown): Entry {
  const shape = 'a session record {"direction": "client" | "server", "message": {…}}';
  if (!isObject(value))
    return { problem: { pointer: "", code: "invalid-type", message: `expected ${shape}`, expected: "object" } };
  const extra = Object.keys(value).filter((k) => k !== "direction" && k !== "message");
  if (!("direction" in value) && !("message" in value)) {
    const hint = ` — it looks like a bare message; give --live client or --live server for a file of bare messages`;
    return { problem: { pointer: "", code: "invalid-value", message: `expected ${shape}${hint}` } };
  }
  if (extra.length > 0)
    return {
      problem: {
        pointer: `/${extra[0]!.replace(/~/g, "~0").replace(/\//g, "~1")}`,
        code: "unknown-field",
        message: `a session record has only "direction" and "message"`,
      },
    };
  if (value.direction !== "client" && value.direction !== "server") {
    return {
      problem: {
        pointer: "/direction",
        code: "invalid-value",
        message: `"direction" is "client" or "server"`,
        received: JSON.stringify(value.direction) ?? "nothing",
      },
    };
  }
  if (!("message" in value))
    return { problem: { pointer: "/message", code: "missing-required", message: `the record has no "message"` } };
  return { direction: value.direction, message: value.message, prefix: "/message" };
}

/** Line and column of every issue and drift that has a byte offset. */
async function locateLines(result: LiveFileResult, bytes: Uint8Array): Promise<void> {
  const located = [...result.issues, ...result.drift];
  const found = await lineColumnsAt(
    bytes,
    located.flatMap((i) => (i.offset === undefined ? [] : [i.offset])),
  );
  for (const item of located) {
    const place = item.offset === undefined ? undefined : found.get(item.offset);
    if (place) Object.assign(item, place);
  }
}

/** `file: message 2 (client, line 3) /pointer`; the column only when the place is not where the line starts. */
function where(file: string, item: LivePlace, pointer: string): string {
  const line =
    item.line === undefined
      ? undefined
      : `line ${item.line}${item.column !== undefined && item.column > 1 ? `, column ${item.column}` : ""}`;
  const at = [item.direction, line ?? (item.offset !== undefined ? `byte ${item.offset}` : undefined)]
    .filter(Boolean)
    .join(", ");
  const message = item.index !== undefined ? ` message ${item.index}${at ? ` (${at})` : ""}` : at ? ` ${at}` : "";
  return `${file}:${message} ${pointer || "/"}`;
}

export function printLive(io: CliIo, results: readonly LiveFileResult[]): void {
  for (const r of results) {
    for (const i of r.issues) {
      const extra = [
        i.severity === "warning" ? "warning" : undefined,
        i.rule,
        i.spec,
        i.expected && `expected ${i.expected}`,
        i.received && `received ${i.received}`,
      ]
        .filter(Boolean)
        .join("; ");
      io.stdout(`${where(r.file, i, i.pointer)}: ${i.code}: ${i.message}${extra ? ` (${extra})` : ""}\n`);
    }
    for (const d of r.drift)
      io.stdout(
        `${where(r.file, d, d.path)}: drift ${d.kind}: ${JSON.stringify(d.value)?.slice(0, 60)}${d.spec ? ` (${d.spec})` : ""}\n`,
      );
    const counts = `${r.messages} message${r.messages === 1 ? "" : "s"} (${r.client} client, ${r.server} server)`;
    const errors = r.issues.filter((i) => i.severity === "error").length;
    const warnings = r.issues.length - errors;
    const verdict = r.ok ? "valid" : `${errors} issue${errors === 1 ? "" : "s"}`;
    io.stdout(
      `${r.file}: ${counts}, ${verdict}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}${r.drift.length ? `, ${r.drift.length} drift` : ""}\n`,
    );
  }
}
