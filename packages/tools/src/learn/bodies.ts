// A payload file as the JSON bodies it holds: one for a JSON object, one per chunk for a stream (SSE, NDJSON, or a
// JSON array: a resource is always an object, so an array can only be a stream of them). Streams are split by the
// runtime's readFrames, as `validate` and users' code split them, so chunks and byte offsets agree with theirs.
import { readFile } from "node:fs/promises";
import { sniff, type Framing } from "../util/framing.ts";
import { decodeUtf8, lineColumn, parseJsonText } from "../util/json-text.ts";
import type { PayloadFile } from "./inputs.ts";
import type { Problem } from "./problems.ts";

export interface Body {
  value: unknown;
  /** Set for stream chunks: index from 0 and the byte offset where the chunk starts. */
  chunk?: number;
  offset?: number;
}

type StreamFraming = Exclude<Framing, "json">;

/** The framing a file's name announces (.sse, .jsonl), else the one its text has, as `validate` reads it. */
function framingOf(file: PayloadFile, text: string): Framing {
  if (file.path.endsWith(".sse")) return "sse";
  if (file.path.endsWith(".jsonl")) return "ndjson";
  return sniff(text.replace(/^\uFEFF/, ""));
}

export async function readBodies(file: PayloadFile): Promise<{ bodies: Body[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.path);
  } catch (e) {
    return {
      bodies: [],
      problems: [{ file: file.name, code: "unreadable", message: `cannot read: ${(e as Error).message}` }],
    };
  }
  // Decoded strictly: bytes that are not UTF-8 would otherwise become U+FFFD and pass as evidence.
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const byte = `0x${decoded.byte.toString(16).toUpperCase().padStart(2, "0")}`;
    const before = new TextDecoder().decode(bytes.subarray(0, decoded.offset));
    const { line, column } = lineColumn(before, before.length);
    return {
      bodies: [],
      problems: [
        {
          file: file.name,
          code: "invalid-json",
          message: `not valid UTF-8 at byte ${decoded.offset} (${byte})`,
          line,
          column,
        },
      ],
    };
  }
  const text = decoded.text;
  const framing = framingOf(file, text);
  if (framing === "json") {
    if (text.trim() === "")
      return {
        bodies: [],
        problems: [
          { file: file.name, code: "invalid-json", message: "the file is empty: no JSON value", line: 1, column: 1 },
        ],
      };
    const parsed = parseJsonText(text, file.name);
    if (parsed.ok) return { bodies: [{ value: parsed.value }], problems };
    const { line, column } = parsed.diagnostic.location;
    return {
      bodies: [],
      problems: [
        {
          file: file.name,
          code: "invalid-json",
          message: parsed.diagnostic.message,
          ...(line !== undefined ? { line, column } : {}),
        },
      ],
    };
  }
  return readStream(file, text, framing);
}

async function readStream(
  file: PayloadFile,
  text: string,
  framing: StreamFraming,
): Promise<{ bodies: Body[]; problems: Problem[] }> {
  const { readFrames, StreamError } = await import("@gemini-typekit/runtime");
  const bodies: Body[] = [];
  const problems: Problem[] = [];
  let chunks = 0;
  try {
    for await (const frame of readFrames(text, { framing })) {
      chunks++;
      const at = { chunk: frame.index, offset: frame.offset };
      try {
        bodies.push({ value: JSON.parse(frame.text), ...at });
      } catch (e) {
        problems.push({
          file: file.name,
          code: frame.complete ? "invalid-json" : "truncated",
          message: `the chunk is not JSON: ${(e as Error).message}`,
          ...at,
        });
      }
    }
  } catch (e) {
    if (!(e instanceof StreamError)) throw e;
    for (const issue of e.issues) {
      const code = issue.code === "truncated" ? "truncated" : "stream-framing";
      problems.push({
        file: file.name,
        code,
        message: issue.message,
        ...(issue.chunk !== undefined ? { chunk: issue.chunk, offset: issue.offset ?? 0 } : {}),
      });
    }
  }
  if (chunks === 0 && problems.length === 0)
    problems.push({ file: file.name, code: "stream-framing", message: `the ${framing} stream holds no chunk` });
  return { bodies, problems };
}
