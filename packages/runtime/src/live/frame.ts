// A Live frame as the socket delivers it — text, or bytes (the server sends its JSON in binary frames) — read as
// one JSON value. What cannot be read is an issue that says where: the byte offset in the frame, line and column.
import type { Issue } from "../result.ts";
import { invalidUtf8At, utf8Length } from "../stream/utf8.ts";
import { jsonErrorIndex } from "../json-syntax.ts";

export type FrameRead = { ok: true; value: unknown } | { ok: false; issue: Issue };

/** Structural check for bytes: Uint8Array (Node's Buffer is one), any other ArrayBufferView, ArrayBuffer. */
export function asBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // The ws package hands a fragmented message as a list of Buffers ("nodebuffer" fragments).
  if (Array.isArray(data) && data.length > 0 && data.every((part) => part instanceof Uint8Array))
    return concat(data as Uint8Array[]);
  return undefined;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Whether a message is a frame to parse (text or bytes) rather than a JSON value already parsed. */
export function isFrame(message: unknown): boolean {
  return typeof message === "string" || asBytes(message) !== undefined;
}

const decoder = /* @__PURE__ */ (() => new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }))();

/** The JSON value of a frame given as text or bytes. */
export function readFrame(frame: string | Uint8Array): FrameRead {
  let text: string;
  if (typeof frame === "string") text = frame;
  else {
    try {
      text = decoder.decode(frame);
    } catch {
      const at = Math.max(0, invalidUtf8At(frame));
      return {
        ok: false,
        issue: {
          pointer: "",
          code: "invalid-json",
          message: `the frame is not UTF-8: byte 0x${frame[at]!.toString(16).padStart(2, "0")} at offset ${at} starts no valid sequence`,
          offset: at,
        },
      };
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issue: syntaxIssue(text, error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * A JSON syntax error placed at the byte offset (and line:column) where the text stops being JSON: where V8 says, or
 * where a scan finds it when V8 names a token but no position.
 */
function syntaxIssue(text: string, why: string): Issue {
  if (text.trim() === "") return { pointer: "", code: "invalid-json", message: "the frame is empty", offset: 0 };
  const at = jsonErrorIndex(text, why);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - (before.lastIndexOf("\n") + 1) + 1;
  const offset = utf8Length(text, 0, at);
  return {
    pointer: "",
    code: "invalid-json",
    message: `the frame is not JSON at ${line}:${column} (byte ${offset}): ${why}`,
    offset,
  };
}
