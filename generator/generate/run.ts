// `gemini-typekit generate`: spec → IR → one emitter per output → generated/. Deterministic, checked, atomic.
import { readFile } from "node:fs/promises";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { loadSpec } from "../spec/load.ts";
import { hasErrors, type Diagnostic } from "../diagnostics.ts";
import { replaceDirectory } from "../util/atomic-write.ts";
import type { Emitter, GenerateContext } from "./context.ts";
import { hashSpecDir, withHeader } from "./header.ts";
import { OUTPUTS, type OutputKind } from "./outputs.ts";

export interface GenerateOptions {
  specDir: string;
  outDir: string;
  check?: boolean;
  cwd?: string;
}

export interface GenerateResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Relative paths of generated files (all of them). */
  files: string[];
  /** With check: files that differ from, are missing from, or are extra in outDir. */
  stale: { path: string; reason: "differs" | "missing" | "extra" }[];
  written: boolean;
  /** Milliseconds per stage: load, then each output kind, then write/compare. */
  timings: Record<string, number>;
}

export async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** Produces every generated file in memory, headers included. */
export async function generateFiles(
  specDir: string,
  cwd = process.cwd(),
  emitters: Record<OutputKind, Emitter> = OUTPUTS,
): Promise<{ files?: Map<string, string>; diagnostics: Diagnostic[]; timings: Record<string, number> }> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const { ir, diagnostics } = await loadSpec(specDir, cwd);
  timings["load"] = performance.now() - t;
  if (!ir || hasErrors(diagnostics)) return { diagnostics, timings };
  const ctx: GenerateContext = { ir, specHash: await hashSpecDir(specDir), generatorVersion: await packageVersion() };
  const files = new Map<string, string>();
  for (const [kind, emit] of Object.entries(emitters) as [OutputKind, Emitter][]) {
    t = performance.now();
    for (const [path, file] of await emit(ctx)) files.set(path, withHeader(file, ctx));
    timings[kind] = performance.now() - t;
  }
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), diagnostics, timings };
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true })) {
    const p = join(dir, String(entry));
    if (statSync(p).isFile()) out.push(relative(dir, p).split(sep).join("/"));
  }
  return out.sort();
}

export async function runGenerate(options: GenerateOptions): Promise<GenerateResult> {
  const { files, diagnostics, timings } = await generateFiles(options.specDir, options.cwd);
  if (!files) return { ok: false, diagnostics, files: [], stale: [], written: false, timings };
  const t = performance.now();
  const stale: GenerateResult["stale"] = [];
  for (const [path, content] of files) {
    const p = join(options.outDir, path);
    if (!existsSync(p)) stale.push({ path, reason: "missing" });
    else if ((await readFile(p, "utf8")) !== content) stale.push({ path, reason: "differs" });
  }
  for (const path of listFiles(options.outDir)) if (!files.has(path)) stale.push({ path, reason: "extra" });
  let written = false;
  if (!options.check && stale.length > 0) {
    await replaceDirectory(options.outDir, files);
    written = true;
  }
  timings[options.check ? "compare" : "write"] = performance.now() - t;
  return { ok: !options.check || stale.length === 0, diagnostics, files: [...files.keys()], stale, written, timings };
}
