// Shared by the stream tests: every way a caller can hand a body to the stream parser, and collectors that turn
// an iteration (and the error that ends it) into plain data for toEqual.
import { Readable } from "node:stream";
import { StreamError, type Frame, type StreamChunk } from "../../packages/runtime/src/stream/index.ts";
import type { StreamInput } from "../../packages/runtime/src/stream/index.ts";
import type { ValidationResult } from "../../packages/runtime/src/result.ts";

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

export function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? encode(body) : body;
}

/** `bytes` cut into pieces of `size` bytes (the last may be shorter): multi-byte characters end up split. */
export function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.slice(at, at + size));
  return out;
}

export async function* asyncChunks<T>(chunks: Iterable<T>): AsyncGenerator<T> {
  for (const chunk of chunks) yield chunk;
}

export function webStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
}

/** Each way of feeding the same body; they must all give the same frames, offsets and errors. */
export const FEEDS: [string, (body: string | Uint8Array) => StreamInput | undefined][] = [
  ["string", (body) => (typeof body === "string" ? body : undefined)],
  ["Uint8Array", (body) => bytesOf(body)],
  ["byte by byte", (body) => asyncChunks(split(bytesOf(body), 1))],
  ["web ReadableStream, 3-byte chunks", (body) => webStream(split(bytesOf(body), 3))],
  ["Node Readable, 5-byte Buffers", (body) => Readable.from(split(bytesOf(body), 5).map((b) => Buffer.from(b)))],
  [
    "async iterable of strings",
    (body) => (typeof body === "string" ? asyncChunks(body.match(/[^]{1,4}/gu) ?? []) : undefined),
  ],
];

export interface Failure {
  chunk: number;
  offset: number;
  codes: string[];
}

export function failureOf(error: unknown): Failure {
  if (!(error instanceof StreamError)) throw error;
  for (const issue of error.issues) {
    if (issue.chunk !== error.chunk || issue.offset !== error.offset)
      throw new Error(`issue not located like its error: ${JSON.stringify(issue)}`);
  }
  return { chunk: error.chunk, offset: error.offset, codes: error.issues.map((i) => i.code) };
}

/** Everything an iteration delivered, and the StreamError that ended it (if any). */
export async function drain<T>(iteration: AsyncIterable<T>): Promise<{ items: T[]; error?: Failure }> {
  const items: T[] = [];
  try {
    for await (const item of iteration) items.push(item);
  } catch (error) {
    return { items, error: failureOf(error) };
  }
  return { items };
}

/** A frame as a table row writes it: [offset, text] or [offset, text, false] for an unterminated one. */
export type FrameRow = [number, string] | [number, string, false];

export function rowOf(frame: Frame): FrameRow {
  return frame.complete ? [frame.offset, frame.text] : [frame.offset, frame.text, false];
}

export function chunkRow<T>(chunk: StreamChunk<T>): [number, number, T] {
  return [chunk.index, chunk.offset, chunk.value];
}

/** A validate that accepts any JSON value as it is. */
export function passThrough<T = unknown>(value: unknown): ValidationResult<T> {
  return { ok: true, value: value as T, drift: [] };
}
