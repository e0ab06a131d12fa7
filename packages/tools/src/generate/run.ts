// `gemini-typekit generate`: spec → IR → one emitter per output → packages/runtime/generated/. Deterministic, checked, atomic.
import { readFile } from "node:fs/promises";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { error, hasErrors, type Diagnostic } from "../diagnostics.ts";
import { PACKAGE_ROOT } from "../paths.ts";
import { replaceDirectory } from "../util/atomic-write.ts";
import type { EmittedFile, GenerateContext } from "./context.ts";
import { hashSpecDir, withHeader } from "./header.ts";
import { loadEmitter, OUTPUTS, type Output, type OutputKind } from "./outputs.ts";
import { startWorker, type WorkerRun } from "./parallel.ts";

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
  const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** An error's message without its stack: a worker's error carries the worker's stack after its own first line. */
function headline(message: string): string {
  const lines = message.split("\n").map((line) => line.trim());
  const end = lines.findIndex((line) => line.startsWith("at "));
  return (end === -1 ? lines : lines.slice(0, end)).filter((line) => line !== "").join(" ") || "no message";
}

/**
 * An emitter that throws on a spec `spec check` accepted is a gap in the checks: said as a located diagnostic (which
 * output, which spec) instead of a stack trace, and nothing is written.
 */
function outputFailed(kind: OutputKind, e: unknown, spec: string): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return error(
    "generate.output-failed",
    `the ${kind} output failed: ${headline(message)}`,
    { file: spec },
    "`spec check` should have found what this output could not handle: please report it with the spec change that led here",
  );
}

/** Produces every generated file in memory, headers included. */
export async function generateFiles(
  specDir: string,
  cwd = process.cwd(),
  outputs: Record<OutputKind, Output> = OUTPUTS,
): Promise<{ files?: Map<string, string>; diagnostics: Diagnostic[]; timings: Record<string, number> }> {
  const timings: Record<string, number> = {};
  // Start worker outputs first: their imports overlap with loading the spec.
  const workers = new Map<OutputKind, WorkerRun>();
  for (const [kind, output] of Object.entries(outputs) as [OutputKind, Output][])
    if (output.worker) workers.set(kind, startWorker(output));
  try {
    let t = performance.now();
    // Imported only now, so the workers' start does not wait for the spec loader's imports (ajv among them).
    const { loadSpec } = await import("../spec/load.ts");
    // Hashing reads the spec files again: overlapped with loading. Awaited only for a valid spec.
    const specHash = hashSpecDir(specDir);
    specHash.catch(() => undefined);
    const { ir, diagnostics } = await loadSpec(specDir, cwd);
    timings["load"] = performance.now() - t;
    if (!ir || hasErrors(diagnostics)) return { diagnostics, timings };
    const ctx: GenerateContext = {
      ir,
      specHash: await specHash,
      generatorVersion: await packageVersion(),
      timings: {},
    };
    const emitted = new Map<string, EmittedFile>();
    const failures: Diagnostic[] = [];
    const inWorkers = [...workers].map(async ([kind, w]) => {
      try {
        const r = await w.run(ctx);
        timings[kind] = r.ms;
        Object.assign(timings, r.timings);
        return r.files;
      } catch (e) {
        failures.push(outputFailed(kind, e, relative(cwd, specDir) || specDir));
        return new Map<string, EmittedFile>();
      }
    });
    for (const [kind, output] of Object.entries(outputs) as [OutputKind, Output][]) {
      if (output.worker) continue;
      t = performance.now();
      try {
        for (const [path, file] of await (await loadEmitter(output))(ctx)) emitted.set(path, file);
      } catch (e) {
        failures.push(outputFailed(kind, e, relative(cwd, specDir) || specDir));
      }
      timings[kind] = performance.now() - t;
    }
    for (const files of await Promise.all(inWorkers)) for (const [path, file] of files) emitted.set(path, file);
    if (failures.length > 0)
      return { diagnostics: [...diagnostics, ...failures.sort((a, b) => (a.message < b.message ? -1 : 1))], timings };
    Object.assign(timings, ctx.timings);
    const files = new Map<string, string>();
    for (const [path, file] of [...emitted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      files.set(path, withHeader(file, ctx));
    return { files, diagnostics, timings };
  } finally {
    await Promise.all([...workers.values()].map((w) => w.stop()));
  }
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
  const onDisk = await Promise.all(
    [...files.keys()].map((path) => readFile(join(options.outDir, path), "utf8").catch(() => undefined)),
  );
  [...files].forEach(([path, content], i) => {
    if (onDisk[i] === undefined) stale.push({ path, reason: "missing" });
    else if (onDisk[i] !== content) stale.push({ path, reason: "differs" });
  });
  for (const path of listFiles(options.outDir)) if (!files.has(path)) stale.push({ path, reason: "extra" });
  let written = false;
  if (!options.check && stale.length > 0) {
    await replaceDirectory(options.outDir, files);
    written = true;
  }
  timings[options.check ? "compare" : "write"] = performance.now() - t;
  return { ok: !options.check || stale.length === 0, diagnostics, files: [...files.keys()], stale, written, timings };
}
