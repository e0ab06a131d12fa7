// Input decoding: whatever the caller has (a string, bytes, a web ReadableStream, a Node stream or any async
// iterable of chunks) becomes a sequence of text pieces, each with the byte offset it starts at in the input.
// Decoding is incremental (a character split across chunks is completed by the next chunk) and fatal, so the
// byte counts of the text always match the input and bad bytes are reported where they are.
import { FrameFault } from "./errors.ts";
import { invalidUtf8At, utf8Length } from "./utf8.ts";

/**
 * The part of a web ReadableStream the reader uses, declared here so that the package's types need neither the DOM
 * library nor Node's types (a user's project may have either, or neither); every ReadableStream fits it.
 */
export interface ReadableStreamLike<T> {
  getReader(): {
    read(): Promise<{ done: true; value?: undefined } | { done: false; value: T }>;
    cancel(reason?: unknown): Promise<void>;
    releaseLock(): void;
  };
}

/** Everything parseStream and readFrames read. Node's Readable and Buffer fit the async-iterable and byte cases. */
export type StreamInput =
  string | Uint8Array | ReadableStreamLike<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

/** Decoded text and where it is in the input: bytes [offset, end). */
export interface TextPiece {
  text: string;
  offset: number;
  end: number;
}

/** Large byte arrays are decoded in slices so no piece (and no frame buffer built from it) is a copy of them all. */
const SLICE_BYTES = 64 * 1024;

export async function* decodeInput(input: StreamInput): AsyncGenerator<TextPiece> {
  const decoder = new IncrementalDecoder();
  for await (const chunk of chunksOf(input)) {
    const { piece, fault } =
      typeof chunk === "string" ? { piece: decoder.text(chunk), fault: undefined } : decoder.bytes(chunk);
    if (piece) yield piece;
    if (fault) throw fault;
  }
  decoder.end();
}

async function* chunksOf(input: StreamInput): AsyncGenerator<Uint8Array | string> {
  if (typeof input === "string") {
    yield input;
  } else if (input instanceof Uint8Array) {
    for (let at = 0; at < input.length; at += SLICE_BYTES) yield input.subarray(at, at + SLICE_BYTES);
  } else if (typeof input === "object" && input !== null && isWebStream(input)) {
    // The reader, not async iteration: not every runtime makes ReadableStream async-iterable.
    const reader = input.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        yield asChunk(value);
      }
      finished = true;
    } finally {
      // The caller stopped early (or parsing failed): nobody will read the rest, so let the source stop sending.
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  } else if (input && typeof (input as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    for await (const chunk of input as AsyncIterable<unknown>) yield asChunk(chunk);
  } else {
    throw new TypeError("stream input must be a string, a Uint8Array, a ReadableStream or an async iterable of chunks");
  }
}

function isWebStream(input: object): input is ReadableStreamLike<Uint8Array | string> {
  return typeof (input as Partial<ReadableStreamLike<unknown>>).getReader === "function";
}

function asChunk(chunk: unknown): Uint8Array | string {
  if (typeof chunk === "string" || chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError(`a stream chunk must be bytes or a string, not ${chunk === null ? "null" : typeof chunk}`);
}

/** A fatal streaming TextDecoder that also knows the byte offset of every piece it hands out. */
class IncrementalDecoder {
  // ignoreBOM keeps a leading BOM in the text, so its 3 bytes are counted; readFrames skips it.
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  /** Bytes of text handed out so far: the offset of the next piece. */
  private emitted = 0;
  /** Bytes fed but not decoded yet (the start of a character the next chunk completes); at most 3. */
  private held: Uint8Array = new Uint8Array(0);

  /** The text decoded from `chunk`; at bad bytes, the text before them and the fault, so that text is not lost. */
  bytes(chunk: Uint8Array): { piece: TextPiece | undefined; fault?: FrameFault } {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      // The held bytes start a character, so `all` starts on a character boundary and all before `at` is whole.
      const all = concat(this.held, chunk);
      const at = Math.max(invalidUtf8At(all), 0);
      const offset = this.emitted + at;
      const piece = this.emit(new TextDecoder("utf-8", { ignoreBOM: true }).decode(all.subarray(0, at)));
      const bad = all[at] ?? 0;
      return {
        piece,
        fault: new FrameFault(
          "stream-framing",
          offset,
          `the input is not valid UTF-8 here (byte 0x${bad.toString(16).toUpperCase().padStart(2, "0")})`,
        ),
      };
    }
    const piece = this.emit(text);
    const heldCount = this.held.length + chunk.length - (piece ? piece.end - piece.offset : 0);
    this.held = heldCount === 0 ? new Uint8Array(0) : concat(this.held, chunk).slice(-heldCount);
    return { piece };
  }

  text(chunk: string): TextPiece | undefined {
    if (this.held.length > 0)
      throw new FrameFault("truncated", this.emitted, "a text chunk follows bytes that end inside a UTF-8 character");
    return this.emit(chunk);
  }

  end(): void {
    if (this.held.length > 0)
      throw new FrameFault("truncated", this.emitted, "the input ends inside a UTF-8 character");
  }

  private emit(text: string): TextPiece | undefined {
    if (text === "") return undefined;
    const offset = this.emitted;
    this.emitted += utf8Length(text);
    return { text, offset, end: this.emitted };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
