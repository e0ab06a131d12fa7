// Benchmark (not a test): the installable packages as a user gets them, dist/*.tgz (packed by packAll() unless fresh
// ones are there) installed into fresh projects with npm.
//  1. Bundle size: esbuild (browser, ESM, minified) of one validator imported from the installed runtime, of the
//     whole runtime, and of a types-only import; raw and gzip -9 bytes. Target: one validator ≤ 20 KiB gzip.
//  2. Each tarball: packed and unpacked size, file count (npm's own report).
//  3. The installed CLI: `gemini-typekit --help` vs bare `node -e 0`, medians of fresh processes. Target ≤ 1.5×.
//     `validate --help` and a real `validate` of a recorded response are reported beside it.
//  4. Library cold start: fresh processes importing the installed runtime (ESM import, CommonJS require) and
//     validating one real response, net of an empty node process, vs ajv compiling the schemas at start-up (as in
//     validate-cold-start.bench.ts). Target: ≥ 10× faster, net.
// Every process contender runs once per round, in an order rotating from round to round, so machine load hits all alike.
// BENCH_RUNS sets the rounds (default 21); BENCH_PACK=1 packs even when dist/*.tgz are fresh.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import {
  childTimes,
  COLD_START_RESPONSE,
  EMPTY_CHILD,
  ajvChild,
  typekitCjsChild,
  typekitEsmChild,
} from "./support/cold-start.ts";
import { CORPUS_DIR, ROOT } from "./support/corpus.ts";
import { envNumber, median, verdict } from "./support/measure.ts";
import { freshTarballs, installedProject, type Tarballs } from "./support/packages.ts";

const RUNS = envNumber("BENCH_RUNS", 21);
const BUNDLE_TARGET_GZIP = 20 * 1024;
const HELP_TARGET = 1.5;
const COLD_START_TARGET = 10;
const RUNTIME = "@gemini-typekit/runtime";
/** The project's own recorded response (a real call's body), as the consumer tests use it. */
const CLI_RESPONSE = join(ROOT, "test/fixtures/recorded/generate/seed000-text.response.json");

// ---- output helpers

interface Row {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
}
const summary: Row[] = [];

const bytes = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(2)} MiB`;
const msText = (x: number): string => `${x.toFixed(1)} ms`;
const times = (x: number): string => `${x.toFixed(2)}×`;

function printTable(rows: readonly Row[]): void {
  const header: Row = { figure: "figure", value: "value", baseline: "baseline / target", ratio: "ratio" };
  const width = (k: keyof Row) => Math.max(...[header, ...rows].map((r) => r[k].length));
  const line = (r: Row) =>
    `  ${r.figure.padEnd(width("figure"))}  ${r.value.padStart(width("value"))}  ${r.baseline.padEnd(width("baseline"))}  ${r.ratio}`;
  console.log([header, ...rows].map(line).join("\n"));
}

// ---- 1. bundle size

const ENTRIES = {
  "one validator": {
    file: "one-validator.mjs",
    code: `import { validateGenerateContentResponse } from "${RUNTIME}";\nglobalThis.check = (b) => validateGenerateContentResponse(b).ok;\n`,
  },
  "whole runtime": { file: "whole-runtime.mjs", code: `import * as all from "${RUNTIME}";\nglobalThis.all = all;\n` },
  "types only": {
    file: "types-only.ts",
    code: `import type { GenerateContentResponse } from "${RUNTIME}";\nexport type Response = GenerateContentResponse;\n`,
  },
};
type EntryName = keyof typeof ENTRIES;

interface Bundle {
  raw: number;
  gzip: number;
  /** The modules contributing most to the output, by their bytes in it (minified). */
  biggest: { path: string; bytes: number }[];
}

/** Bundles `file` (in the project) as a browser app would ship it. */
async function bundle(project: string, file: string): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(project, file)],
    absWorkingDir: project,
    outfile: join(project, "out", `${file}.js`),
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  }).catch((e: unknown) => {
    throw new Error(`esbuild could not bundle ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  });
  const code = result.outputFiles.find((f) => f.path.endsWith(".js"))!.contents;
  return {
    raw: code.byteLength,
    gzip: code.byteLength === 0 ? 0 : gzipSync(code, { level: 9 }).byteLength,
    biggest: biggestInputs(result.metafile),
  };
}

function biggestInputs(metafile: Metafile, count = 5): { path: string; bytes: number }[] {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined)!;
  return Object.entries(output.inputs)
    .map(([path, input]) => ({ path: path.replace(`node_modules/${RUNTIME}/`, ""), bytes: input.bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

async function reportBundles(project: string): Promise<void> {
  console.log(
    `\n1. bundle size (esbuild, platform browser, format esm, minified; gzip level 9), ${RUNTIME} installed from its tarball`,
  );
  const bundles = {} as Record<EntryName, Bundle>;
  for (const [name, entry] of Object.entries(ENTRIES) as [EntryName, (typeof ENTRIES)[EntryName]][]) {
    writeFileSync(join(project, entry.file), entry.code);
    const b = (bundles[name] = await bundle(project, entry.file));
    console.log(`  ${name.padEnd(14)} ${bytes(b.raw).padStart(10)} raw ${bytes(b.gzip).padStart(10)} gzip`);
    for (const input of b.biggest) console.log(`      ${bytes(input.bytes).padStart(10)}  ${input.path}`);
  }
  const one = bundles["one validator"];
  const whole = bundles["whole runtime"];
  const types = bundles["types only"];
  summary.push(
    {
      figure: "one validator, gzip",
      value: bytes(one.gzip),
      baseline: `target ≤ ${bytes(BUNDLE_TARGET_GZIP)}`,
      ratio: `${times(one.gzip / BUNDLE_TARGET_GZIP)} ${verdict(one.gzip <= BUNDLE_TARGET_GZIP)}`,
    },
    { figure: "one validator, minified", value: bytes(one.raw), baseline: "—", ratio: "" },
    {
      figure: "whole runtime, gzip",
      value: bytes(whole.gzip),
      baseline: `one validator ${bytes(one.gzip)}`,
      ratio: times(whole.gzip / one.gzip),
    },
    {
      figure: "whole runtime, minified",
      value: bytes(whole.raw),
      baseline: `one validator ${bytes(one.raw)}`,
      ratio: times(whole.raw / one.raw),
    },
    {
      figure: "types only, minified",
      value: bytes(types.raw),
      baseline: "expected 0 B",
      ratio: verdict(types.raw === 0),
    },
  );
}

// ---- 2. tarballs

function reportTarballs(tarballs: Tarballs): void {
  console.log(
    `\n2. tarballs (${tarballs.packed ? "packed by this run" : "dist/*.tgz reused: newer than everything they are packed from"})`,
  );
  for (const p of [tarballs.runtime, tarballs.tools]) {
    console.log(
      `  ${p.name}@${p.version}: ${bytes(p.size)} packed, ${bytes(p.unpackedSize)} unpacked, ${p.files.length} files`,
    );
    summary.push(
      { figure: `${p.name} packed`, value: bytes(p.size), baseline: "—", ratio: "" },
      { figure: `${p.name} unpacked`, value: bytes(p.unpackedSize), baseline: "—", ratio: "" },
      { figure: `${p.name} files`, value: String(p.files.length), baseline: "—", ratio: "" },
    );
  }
}

// ---- 3 and 4. fresh processes

interface Contender {
  label: string;
  args: string[];
  cwd: string;
}
interface Sample {
  wall: number;
  stdout: string;
}

/** Runs `node ...args` once; a failing process stops the bench with its output. */
function timeProcess(c: Contender): Sample {
  const started = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: c.cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - started;
  if (r.status !== 0)
    throw new Error(`${c.label}: node ${c.args.join(" ")} exited ${r.status ?? r.signal}:\n${r.stderr}${r.stdout}`);
  return { wall, stdout: r.stdout };
}

/** One warm-up run each (disk cache), then `rounds` rounds in which every contender runs once, order rotating. */
function timeInterleaved<K extends string>(contenders: Record<K, Contender>, rounds: number): Record<K, Sample[]> {
  const keys = Object.keys(contenders) as K[];
  for (const k of keys) timeProcess(contenders[k]);
  const samples = Object.fromEntries(keys.map((k) => [k, [] as Sample[]])) as unknown as Record<K, Sample[]>;
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(r + j) % keys.length]!;
      samples[k].push(timeProcess(contenders[k]));
    }
  }
  return samples;
}

/** The library children and the ajv baseline, written into the runtime's project so the package name resolves there. */
function libraryContenders(project: string) {
  const child = (file: string, script: string, label: string): Contender => {
    writeFileSync(join(project, file), script);
    return { label, args: [join(project, file), COLD_START_RESPONSE], cwd: project };
  };
  return {
    empty: child("empty.mjs", EMPTY_CHILD, "empty module (node's boot)"),
    esm: child("esm.mjs", typekitEsmChild(RUNTIME), `import ${RUNTIME} + validate`),
    cjs: child("cjs.cjs", typekitCjsChild(RUNTIME), `require ${RUNTIME} + validate`),
    ajv: child("ajv.mjs", ajvChild(false), "ajv compiles at start + validate"),
  };
}

function cliContenders(project: string) {
  const bin = join(project, "node_modules/.bin/gemini-typekit");
  const cli = (label: string, ...args: string[]): Contender => ({ label, args: [bin, ...args], cwd: project });
  return {
    node: { label: "node -e 0", args: ["-e", "0"], cwd: project },
    help: cli("gemini-typekit --help", "--help"),
    validateHelp: cli("gemini-typekit validate --help", "validate", "--help"),
    validate: cli(
      "gemini-typekit validate GenerateContentResponse <file>",
      "validate",
      "GenerateContentResponse",
      CLI_RESPONSE,
    ),
  };
}

function reportProcesses(runtimeProject: string, cliProject: string): void {
  const cli = cliContenders(cliProject);
  const library = libraryContenders(runtimeProject);
  const contenders = { ...cli, ...library };
  const samples = timeInterleaved(contenders, RUNS);
  const wall = (k: keyof typeof contenders) => median(samples[k].map((s) => s.wall));
  const child = (k: keyof typeof library, f: "load" | "first") =>
    median(samples[k].map((s) => childTimes(s.stdout)[f]));

  console.log(`\n3. the installed CLI: median wall of ${RUNS} fresh processes each, interleaved`);
  const node = wall("node");
  for (const k of Object.keys(cli) as (keyof typeof cli)[]) {
    console.log(`  ${cli[k].label.padEnd(56)} ${msText(wall(k)).padStart(9)}  ${times(wall(k) / node)} node -e 0`);
  }
  const help = wall("help") / node;
  summary.push(
    {
      figure: "CLI --help",
      value: msText(wall("help")),
      baseline: `node -e 0 ${msText(node)}, target ≤ ${times(HELP_TARGET)}`,
      ratio: `${times(help)} ${verdict(help <= HELP_TARGET)}`,
    },
    {
      figure: "CLI validate --help",
      value: msText(wall("validateHelp")),
      baseline: `node -e 0 ${msText(node)}`,
      ratio: times(wall("validateHelp") / node),
    },
    {
      figure: "CLI validate <response>",
      value: msText(wall("validate")),
      baseline: `node -e 0 ${msText(node)}`,
      ratio: times(wall("validate") / node),
    },
  );

  console.log(
    `\n4. library cold start, installed ${RUNTIME}: one real response (${COLD_START_RESPONSE.slice(CORPUS_DIR.length + 1)}), same rounds`,
  );
  console.log(`  ${"".padEnd(44)}     wall      net     load    first validation`);
  const empty = wall("empty");
  for (const k of Object.keys(library) as (keyof typeof library)[]) {
    const cells = [wall(k), wall(k) - empty, child(k, "load"), child(k, "first")].map((x) => msText(x).padStart(9));
    console.log(`  ${library[k].label.padEnd(44)}${cells.join("")}`);
  }
  const ajvNet = wall("ajv") - empty;
  for (const k of ["esm", "cjs"] as const) {
    const speedup = ajvNet / (wall(k) - empty);
    summary.push({
      figure: `library ${k === "esm" ? "ESM import" : "CJS require"} + validate, net`,
      value: msText(wall(k) - empty),
      baseline: `ajv compiling, net ${msText(ajvNet)}, target ≥ ${COLD_START_TARGET}× faster`,
      ratio: `${times(speedup)} faster ${verdict(speedup >= COLD_START_TARGET)}`,
    });
  }
  console.log(`  net = wall − the empty module's wall (${msText(empty)}); node -e 0: ${msText(node)}`);
}

// ---- main

async function main(): Promise<void> {
  const started = performance.now();
  const tarballs = await freshTarballs({
    forcePack: process.env["BENCH_PACK"] === "1",
    onPack: () => console.log("packing both packages (scripts/build/pack.ts: build, then npm pack into dist/)…"),
  });
  console.log(
    `installing ${relative(ROOT, tarballs.runtime.tarball)} and ${relative(ROOT, tarballs.tools.tarball)} into fresh projects…`,
  );
  // The runtime has no dependencies: nothing may come from the registry. The tools' come from npm's cache.
  const installs = await Promise.allSettled([
    installedProject("runtime", [tarballs.runtime.tarball], { offline: true }),
    installedProject("cli", [tarballs.runtime.tarball, tarballs.tools.tarball], { offline: false }),
  ]);
  const failed = installs.find((r) => r.status === "rejected");
  if (failed) {
    for (const r of installs) if (r.status === "fulfilled") rmSync(r.value, { recursive: true, force: true });
    throw failed.reason;
  }
  const [runtimeProject, cliProject] = installs.map((r) => (r as PromiseFulfilledResult<string>).value) as [
    string,
    string,
  ];
  try {
    await reportBundles(runtimeProject);
    reportTarballs(tarballs);
    reportProcesses(runtimeProject, cliProject);
  } finally {
    for (const dir of [runtimeProject, cliProject]) rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\nsummary (${((performance.now() - started) / 1000).toFixed(0)} s${tarballs.packed ? ", packing included" : ""})`,
  );
  printTable(summary);
}

main().catch((e: unknown) => {
  console.error(`packages bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
