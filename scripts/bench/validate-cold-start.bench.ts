// Benchmark (not a test), issue 4: cold start of validation, each contender in a fresh node process.
//  (a') gemini-typekit: import the validation library as the runtime package ships it (packages/runtime/dist/esm,
//       built by `npm run build`, rebuilt here when older than its sources; packages.bench.ts times the same files
//       installed from the tarball) and validate one real generateContent response, plain node; to split that, the
//       fast-path checkers (dist/esm/generated/validators/fast.js) alone, and ajv's standalone strict validators of
//       every resource alone (compiled by this bench into a temporary module, support/ajv-standalone.ts: the library
//       neither loads nor ships them, and the generator no longer emits them);
//  (a)  the same library as TypeScript run through tsx, as this repository runs it;
//  (b)  ajv compiling the same schemas at start-up (packages/runtime/generated/schemas/*.json, Ajv2020 with allErrors + strict) and
//       validating the same response, plain node;
//  (c)  the bare process baselines: `node` and `node --import tsx` running an empty module.
// Target: (a') ≥ 10× faster than (b), each net of its bare process, (b − node)/(a' − node): both plain node, so the
// comparison is of what the two load and do, not of node's own boot (~90 ms here, which caps any raw ratio near 4×).
// (a) is reported beside it: tsx's loader adds about 1 ms a module on top of node's. Each child reports, from its
// own clock, when its module started running (process and loader boot), how long loading took and the first
// validation (the child scripts are in support/cold-start.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import {
  childTimes,
  COLD_START_RESPONSE as RESPONSE,
  EMPTY_CHILD,
  ajvChild,
  moduleGraph,
  typekitEsmChild,
  validatorModuleChild,
} from "./support/cold-start.ts";
import { writeStrictStandalone } from "./support/ajv-standalone.ts";
import { CORPUS_DIR, ROOT } from "./support/corpus.ts";
import { envNumber, median, verdict } from "./support/measure.ts";
import { builtRuntimeEsm } from "./support/packages.ts";
import { NODE_BUNDLE } from "../build/build.ts";

const TARGET = 10;
const RUNS = envNumber("BENCH_RUNS", 9);

const esm = await builtRuntimeEsm().catch((e: unknown) => {
  console.error(`could not build packages/runtime/dist: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
// What Node loads for `import "@gemini-typekit/runtime"` (the package's "node" condition: the entry bundled into one
// file), and the modules one by one as tsc wrote them (what bundlers and other runtimes take).
const entry = join(esm.dir, NODE_BUNDLE);
const modulesEntry = join(esm.dir, "src/index.js");
const fastJs = join(esm.dir, "generated/validators/fast.js");
const built = moduleGraph(modulesEntry);
const dir = mkdtempSync(join(tmpdir(), "gtk-cold-"));

interface Contender {
  label: string;
  script: string;
  tsx: boolean;
  env?: Record<string, string>;
  runs?: number;
}
const sourceUrl = pathToFileURL(join(ROOT, "packages/runtime/src/index.ts")).href;
const standalone = await writeStrictStandalone();
const strictJs = standalone.path;
const contenders: Record<string, Contender> = {
  node: { label: "(c)  bare node", script: EMPTY_CHILD, tsx: false },
  nodeTsx: { label: "(c)  bare node --import tsx", script: EMPTY_CHILD, tsx: true },
  typekit: { label: "(a)  gemini-typekit, TS via tsx", script: typekitEsmChild(sourceUrl), tsx: true },
  typekitNoCache: {
    label: "     same, tsx cache off",
    script: typekitEsmChild(sourceUrl),
    tsx: true,
    env: { TSX_DISABLE_CACHE: "1" },
  },
  typekitJs: { label: "(a') gemini-typekit, as JS", script: typekitEsmChild(pathToFileURL(entry).href), tsx: false },
  typekitModules: {
    label: "     its modules one by one",
    script: typekitEsmChild(pathToFileURL(modulesEntry).href),
    tsx: false,
  },
  fastOnly: { label: "     fast.js alone", script: validatorModuleChild(fastJs, "=== 1"), tsx: false },
  strictOnly: { label: "     ajv's standalone alone", script: validatorModuleChild(strictJs, "=== true"), tsx: false },
  ajv: { label: "(b)  ajv compiles at start", script: ajvChild(false), tsx: false },
  ajvAll: { label: "     ajv compiles every resource", script: ajvChild(true), tsx: false, runs: 3 },
};

interface Sample {
  wall: number;
  boot: number;
  load: number;
  first: number;
}
const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, [] as Sample[]])) as Record<string, Sample[]>;
for (const [k, c] of Object.entries(contenders)) writeFileSync(join(dir, `${k}.mjs`), c.script);

function run(key: string): Sample {
  const c = contenders[key]!;
  const args = [...(c.tsx ? ["--import", "tsx"] : []), join(dir, `${key}.mjs`), RESPONSE];
  const t = performance.now();
  const out = execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...c.env } });
  const wall = performance.now() - t;
  return { wall, ...childTimes(out) };
}

const keys = Object.keys(contenders);
for (const k of keys) run(k); // warm-up: disk cache, tsx's transform cache
for (let r = 0; r < RUNS; r++) {
  for (let j = 0; j < keys.length; j++) {
    const k = keys[(r + j) % keys.length]!;
    if (r < (contenders[k]!.runs ?? RUNS)) samples[k]!.push(run(k));
  }
}
rmSync(dir, { recursive: true, force: true });
standalone.remove();

const med = (k: string, f: keyof Sample) => median(samples[k]!.map((s) => s[f]));
console.log(
  `median of ${RUNS} runs per contender (interleaved), one real response (${RESPONSE.slice(CORPUS_DIR.length + 1)})`,
);
console.log(
  `as JS: ${relative(ROOT, entry)}, what Node loads for the package (${esm.rebuilt ? "rebuilt by this run" : "built"}: ` +
    `${(statSync(entry).size / 1024).toFixed(0)} KiB, one file); one by one: ${relative(ROOT, modulesEntry)}, ` +
    `${built.files} modules, ${(built.bytes / 1024).toFixed(0)} KiB`,
);
console.log("                                        wall    boot    load   first validation");
for (const [k, c] of Object.entries(contenders)) {
  const f = (x: number) => `${x.toFixed(0)} ms`.padStart(8);
  console.log(
    `  ${c.label.padEnd(34)}${f(med(k, "wall"))}${f(med(k, "boot"))}${f(med(k, "load"))}${f(med(k, "first"))}`,
  );
}
const node = med("node", "wall");
const nodeTsx = med("nodeTsx", "wall");
const a = med("typekit", "wall");
const aJs = med("typekitJs", "wall");
const b = med("ajv", "wall");
const net = (b - node) / (a - nodeTsx);
const netJs = (b - node) / (aJs - node);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(
  `(a') vs (b), each net of its bare process: ${netJs.toFixed(1)}× — target ≥ ${TARGET}×: ${verdict(netJs >= TARGET)}`,
);
console.log(`     raw wall: ${(b / aJs).toFixed(2)}× (node's boot alone is ${node.toFixed(0)} ms of each)`);
console.log(`(a) through tsx vs (b), each net of its bare process: ${net.toFixed(1)}×; raw: ${(b / a).toFixed(2)}×`);
console.log(
  `where (a')'s time goes: loading the library ${med("typekitJs", "load").toFixed(0)} ms (one file; ` +
    `${med("typekitModules", "load").toFixed(0)} ms as ${built.files} modules), of which ` +
    `fast.js alone ${med("fastOnly", "load").toFixed(0)} ms (${kib(statSync(fastJs).size)}); ajv's standalone strict ` +
    `validators, not loaded, alone ${med("strictOnly", "load").toFixed(0)} ms (${kib(standalone.bytes)}); first validation ` +
    `${med("typekitJs", "first").toFixed(0)} ms. Through tsx, loading costs ${med("typekit", "load").toFixed(0)} ms`,
);
