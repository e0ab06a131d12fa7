// Benchmark (not a test), issue 4: cold start of validation, each contender in a fresh node process.
//  (a') gemini-typekit: import the validation library (runtime/index.ts transpiled to JavaScript, what a published
//       package loads) and validate one real generateContent response, plain node; to split that, the fast-path
//       checkers (generated/validators/fast.js) alone, and the ajv standalone validators (generated/validators/
//       strict.js, which the library no longer loads) alone;
//  (a)  the same library as TypeScript run through tsx, as this repository runs it;
//  (b)  ajv compiling the same schemas at start-up (generated/schemas/*.json, Ajv2020 with the options of
//       generator/generate/validators/emit.ts: allErrors + strict) and validating the same response, plain node;
//  (c)  the bare process baselines: `node` and `node --import tsx` running an empty module.
// Target: (a') ≥ 10× faster than (b), each net of its bare process, (b − node)/(a' − node): both plain node, so the
// comparison is of what the two load and do, not of node's own boot (~90 ms here, which caps any raw ratio near 4×).
// (a) is reported beside it: tsx's loader adds about 1 ms a module on top of node's. Each child reports, from its
// own clock, when its module started running (process and loader boot), how long loading took and the first validation.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CORPUS_DIR, ROOT } from "./support/corpus.ts";
import { envNumber, median, verdict } from "./support/measure.ts";
import { transpileTree } from "./support/transpile.ts";

const TARGET = 10;
const RUNS = envNumber("BENCH_RUNS", 9);
const RESPONSE = join(CORPUS_DIR, "generate/firebase-sdk-test-data-unary-success-google-search-grounding.json");
// Kept equal to AJV_OPTIONS in generator/generate/validators/emit.ts (not imported: the child is plain node).
const AJV_OPTIONS = { allErrors: true, strict: true };

const dir = mkdtempSync(join(tmpdir(), "gtk-cold-"));
const built = transpileTree("packages/runtime/src/index.ts", join(dir, "js"));
const url = (p: string) => JSON.stringify(pathToFileURL(p).href);

// Every child: `boot` = ms from process start to the module's first line; `load` = importing (and, for ajv,
// compiling); `first` = the first validation; `ok` must be true.
const READ = `const boot = performance.now();
import { readFileSync, readdirSync } from "node:fs";
const body = JSON.parse(readFileSync(process.argv[2], "utf8"));
const t0 = performance.now();`;
const REPORT = `const t2 = performance.now();
if (ok !== true) { console.error("not valid"); process.exit(1); }
console.log(JSON.stringify({ boot, load: t1 - t0, first: t2 - t1 }));`;
const typekit = (entry: string) => `${READ}
const { validateGenerateContentResponse } = await import(${url(entry)});
const t1 = performance.now();
const ok = validateGenerateContentResponse(body, { mode: "lenient" }).ok;
${REPORT}`;
const alone = (module: string, okWhen: string) => `${READ}
const { GenerateContentResponse } = await import(${url(join(ROOT, module))});
const t1 = performance.now();
const ok = GenerateContentResponse(body) ${okWhen};
${REPORT}`;
const ajv = (all: boolean) => `${READ}
const { Ajv2020 } = await import(${url(join(ROOT, "node_modules/ajv/dist/2020.js"))});
const dir = ${JSON.stringify(join(ROOT, "packages/runtime/generated/schemas"))};
const ajv = new Ajv2020(${JSON.stringify(AJV_OPTIONS)});
const ids = [];
for (const f of readdirSync(dir)) {
  if (!f.endsWith(".json") || f === "bundle.json") continue;
  const schema = JSON.parse(readFileSync(dir + "/" + f, "utf8"));
  ajv.addSchema(schema);
  ids.push(schema.$id);
}
${all ? "for (const id of ids) ajv.getSchema(id);" : ""}
const validate = ajv.getSchema("https://gemini-typekit.dev/schemas/v1beta/GenerateContentResponse.json");
const t1 = performance.now();
const ok = validate(body);
${REPORT}`;
const EMPTY = `const boot = performance.now(); console.log(JSON.stringify({ boot, load: 0, first: 0 }));`;

interface Contender {
  label: string;
  script: string;
  tsx: boolean;
  env?: Record<string, string>;
  runs?: number;
}
const contenders: Record<string, Contender> = {
  node: { label: "(c)  bare node", script: EMPTY, tsx: false },
  nodeTsx: { label: "(c)  bare node --import tsx", script: EMPTY, tsx: true },
  typekit: { label: "(a)  gemini-typekit, TS via tsx", script: typekit(join(ROOT, "packages/runtime/src/index.ts")), tsx: true },
  typekitNoCache: {
    label: "     same, tsx cache off",
    script: typekit(join(ROOT, "packages/runtime/src/index.ts")),
    tsx: true,
    env: { TSX_DISABLE_CACHE: "1" },
  },
  typekitJs: { label: "(a') gemini-typekit, as JS", script: typekit(built.entry), tsx: false },
  fastOnly: { label: "     fast.js alone", script: alone("packages/runtime/generated/validators/fast.js", "=== 1"), tsx: false },
  strictOnly: { label: "     ajv's strict.js alone", script: alone("packages/runtime/generated/validators/strict.js", "=== true"), tsx: false },
  ajv: { label: "(b)  ajv compiles at start", script: ajv(false), tsx: false },
  ajvAll: { label: "     ajv compiles every resource", script: ajv(true), tsx: false, runs: 3 },
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
  return { wall, ...(JSON.parse(out.trim().split("\n").pop()!) as Omit<Sample, "wall">) };
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

const med = (k: string, f: keyof Sample) => median(samples[k]!.map((s) => s[f]));
console.log(`median of ${RUNS} runs per contender (interleaved), one real response (${RESPONSE.slice(CORPUS_DIR.length + 1)})`);
console.log(`as JS: ${built.files} modules, ${(built.bytes / 1024).toFixed(0)} KiB`);
console.log("                                        wall    boot    load   first validation");
for (const [k, c] of Object.entries(contenders)) {
  const f = (x: number) => `${x.toFixed(0)} ms`.padStart(8);
  console.log(`  ${c.label.padEnd(34)}${f(med(k, "wall"))}${f(med(k, "boot"))}${f(med(k, "load"))}${f(med(k, "first"))}`);
}
const node = med("node", "wall");
const nodeTsx = med("nodeTsx", "wall");
const a = med("typekit", "wall");
const aJs = med("typekitJs", "wall");
const b = med("ajv", "wall");
const net = (b - node) / (a - nodeTsx);
const netJs = (b - node) / (aJs - node);
const kib = (p: string) => `${(statSync(join(ROOT, p)).size / 1024).toFixed(0)} KiB`;
console.log(`(a') vs (b), each net of its bare process: ${netJs.toFixed(1)}× — target ≥ ${TARGET}×: ${verdict(netJs >= TARGET)}`);
console.log(`     raw wall: ${(b / aJs).toFixed(2)}× (node's boot alone is ${node.toFixed(0)} ms of each)`);
console.log(`(a) through tsx vs (b), each net of its bare process: ${net.toFixed(1)}×; raw: ${(b / a).toFixed(2)}×`);
console.log(
  `where (a')'s time goes: loading the library ${med("typekitJs", "load").toFixed(0)} ms (${built.files} modules), of which ` +
    `fast.js alone ${med("fastOnly", "load").toFixed(0)} ms (${kib("packages/runtime/generated/validators/fast.js")}); ajv's strict.js, no longer ` +
    `loaded, alone ${med("strictOnly", "load").toFixed(0)} ms (${kib("packages/runtime/generated/validators/strict.js")}); first validation ` +
    `${med("typekitJs", "first").toFixed(0)} ms. Through tsx, loading costs ${med("typekit", "load").toFixed(0)} ms`,
);
