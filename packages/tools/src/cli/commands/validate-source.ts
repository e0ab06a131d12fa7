// What `validate` reads: a file or standard input, whole (as text, its UTF-8 checked) or as a stream after a peek at
// its first bytes, and which framing that text has. Shared by the REST payload check and the Live session check.
import { open, readFile } from "node:fs/promises";
import { decodeUtf8 } from "../../util/json-text.ts";
import type { CliIo } from "../command.ts";
import { inCwd } from "./shared.ts";
import type { Issue } from "@gemini-typekit/runtime";

export type Framing = "json" | "sse" | "json-array" | "ndjson";

/** A first line an SSE stream can start with: a field (`data:`, `event:`, `id:`, `retry:`) or a comment (`:`). */
const SSE_LINE = /^(?:data|event|id|retry)?:/;

/**
 * The framing a stream's first bytes announce: `[` a JSON array, `{` NDJSON, an SSE field or comment line SSE;
 * anything else (nothing at all, text, an HTML page) is no stream.
 */
export function streamFraming(head: string): Exclude<Framing, "json"> | undefined {
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
export function sniff(text: string): Framing {
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
export type Source = { kind: "text"; text: string; bytes: Uint8Array } | { kind: "stream"; path: string; head: string } | { kind: "failed"; issue: Issue; bytes?: Uint8Array };

export async function readSource(io: CliIo, path: string, stream: boolean): Promise<Source> {
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
