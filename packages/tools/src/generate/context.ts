// What every emitter receives and returns. An emitter is a pure function of the IR: it returns file contents by
// path relative to packages/runtime/generated/, and the pipeline adds headers, formats, checks and writes.
import type { SpecIR } from "../spec/ir.ts";

export interface GenerateContext {
  ir: SpecIR;
  /** sha256 of the spec files the IR was loaded from, as "sha256:<hex>". */
  specHash: string;
  generatorVersion: string;
  /** Milliseconds by stage; emitters may add their own entries (e.g. "types.format"). */
  timings: Record<string, number>;
}

/** A generated file before its header is added. */
export interface EmittedFile {
  /** "ts" files get a // header line; "json" files a "$comment" first key; "js" files a // header line. */
  kind: "ts" | "js" | "json";
  content: string;
}

export type Emitter = (ctx: GenerateContext) => Promise<Map<string, EmittedFile>> | Map<string, EmittedFile>;
