// What `validate` reads: a file or standard input, whole (as text, its UTF-8 checked) or as a stream after a peek at
// its first bytes (util/framing.ts says which framing). Shared by the REST payload check and the Live session check.
import { open, readFile } from "node:fs/promises";
import { decodeUtf8 } from "../../util/json-text.ts";
import type { CliIo } from "../command.ts";
import { inCwd } from "./shared.ts";
import type { Issue } from "@gemini-typekit/runtime";

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
export type Source =
  | { kind: "text"; text: string; bytes: Uint8Array }
  | { kind: "stream"; path: string; head: string }
  | { kind: "failed"; issue: Issue; bytes?: Uint8Array };

export async function readSource(io: CliIo, path: string, stream: boolean): Promise<Source> {
  try {
    if (stream && path !== "-") return { kind: "stream", path: inCwd(io, path), head: await head(inCwd(io, path)) };
    const input = path === "-" ? await (io.stdin ?? (async () => ""))() : await readFile(inCwd(io, path));
    if (typeof input === "string") return { kind: "text", text: input, bytes: Buffer.from(input, "utf8") };
    const bytes = input;
    const decoded = decodeUtf8(bytes);
    if (decoded.ok) return { kind: "text", text: decoded.text, bytes };
    const byte = `0x${decoded.byte.toString(16).toUpperCase().padStart(2, "0")}`;
    return {
      kind: "failed",
      issue: {
        pointer: "",
        code: "invalid-json",
        message: `the input is not valid UTF-8 here (byte ${byte})`,
        offset: decoded.offset,
      },
      bytes,
    };
  } catch (e) {
    return {
      kind: "failed",
      issue: {
        pointer: "",
        code: "invalid-value",
        message: `cannot read ${path === "-" ? "<stdin>" : path}: ${e instanceof Error ? e.message : String(e)}`,
      },
    };
  }
}
