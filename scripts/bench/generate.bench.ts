// Benchmark (not a test): `generate` on the full spec, cold, in fresh processes, with the split by stage.
// Target (issue 3): under 3 s wall-clock on a 2-core machine. Baseline measured in the same run: a bare `node`
// process running the same tsx loader, so the ratio shows what generation itself costs.
// Side by side (issue 15): openapi-typescript (a devDependency for this baseline only) turning Google's OpenAPI export
// of the same API into types. Compared as a user runs each, whole process, cold: each one's installed CLI on plain
// node (ours built to JavaScript, packages/tools/bin/gemini-typekit.js, built first when stale), writing its output to
// disk, in interleaved runs. Target: ours ≤ 1.0× theirs. The split by stage above says where our time goes.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { OUTPUTS } from "../../packages/tools/src/generate/outputs.ts";
import { builtToolsCli } from "./support/packages.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);
const TARGET_MS = 3000;

function timeChild(script: string, args: string[] = []): { wallMs: number; stdout: string } {
  const t = performance.now();
  const stdout = execFileSync(process.execPath, ["--import", "tsx", "-e", script, ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { wallMs: performance.now() - t, stdout };
}

function dirSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true })) {
    const s = statSync(join(dir, String(e)));
    if (s.isFile()) {
      files++;
      bytes += s.size;
    }
  }
  return { files, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// performance.now() counts from the process start: at the first line it is the start-up (node and the tsx loader).
const GENERATE = `
const startUp = performance.now();
const { runGenerate } = await import("./packages/tools/src/generate/run.ts");
const out = process.argv[1];
const r = await runGenerate({ specDir: "spec", outDir: out });
if (!r.ok) { console.error(r.diagnostics); process.exit(1); }
console.log(JSON.stringify({ ...r.timings, "start-up": startUp, "in process": performance.now() }));
`;

const baseline: number[] = [];
const totals: number[] = [];
const stages: Record<string, number[]> = {};
for (let i = 0; i < RUNS; i++) {
  baseline.push(timeChild("0").wallMs);
  const out = join(mkdtempSync(join(tmpdir(), "gtk-bench-")), "generated");
  const { wallMs, stdout } = timeChild(GENERATE, [out]);
  totals.push(wallMs);
  for (const [k, v] of Object.entries(JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, number>))
    (stages[k] ??= []).push(v);
  if (i === RUNS - 1) {
    const size = dirSize(out);
    console.log(`packages/runtime/generated/: ${size.files} files, ${(size.bytes / 1024 / 1024).toFixed(2)} MiB`);
  }
  rmSync(join(out, ".."), { recursive: true, force: true });
}

const total = median(totals);
const base = median(baseline);
console.log(
  `generate (cold, median of ${RUNS}): ${total.toFixed(0)} ms  — target < ${TARGET_MS} ms: ${total < TARGET_MS ? "met" : "MISSED"}`,
);
console.log(
  `  baseline: bare node + tsx start ${base.toFixed(0)} ms; generate/baseline = ${(total / base).toFixed(2)}×; target ratio ${(total / TARGET_MS).toFixed(2)}`,
);
// Worker outputs (and their sub-stages, e.g. types.format) overlap the main thread's stages.
const inWorker = (stage: string) =>
  Object.entries(OUTPUTS).some(([kind, o]) => o.worker && (stage === kind || stage.startsWith(`${kind}.`)));
const show = (stage: string) =>
  console.log(`  ${stage.padEnd(14)} ${median(stages[stage]!).toFixed(0).padStart(5)} ms`);
console.log("  main thread:");
const mainStages = [
  "start-up",
  ...Object.keys(stages).filter((s) => !inWorker(s) && s !== "in process" && s !== "start-up"),
];
mainStages.forEach(show);
const mainSum = mainStages.reduce((sum, s) => sum + median(stages[s]!), 0);
console.log(
  `  ${"other".padEnd(14)} ${(median(stages["in process"]!) - mainSum).toFixed(0).padStart(5)} ms  (imports, waiting for workers, headers)`,
);
console.log("  worker threads (overlapping):");
Object.keys(stages).filter(inWorker).forEach(show);

// ---- side by side with openapi-typescript
const OPENAPI = join(root, "../shared/upstream/openapi3/generativelanguage.v1beta.google-openapi3.20251006.json");
const OPENAPI_TS = join(root, "node_modules/openapi-typescript/bin/cli.js");
if (!existsSync(OPENAPI)) console.log(`\nvs openapi-typescript: skipped, ${OPENAPI} is absent`);
else {
  const { bin, rebuilt } = await builtToolsCli();
  const work = mkdtempSync(join(tmpdir(), "gtk-bench-vs-"));
  const wall = (args: string[]) => {
    const t = performance.now();
    execFileSync(process.execPath, args, { cwd: root, stdio: "ignore" });
    return performance.now() - t;
  };
  const contenders: Record<string, string[]> = {
    node: ["-e", "0"],
    ours: [bin, "generate", "--out", join(work, "generated")],
    theirs: [OPENAPI_TS, OPENAPI, "--output", join(work, "openapi.d.ts")],
  };
  const times: Record<string, number[]> = { node: [], ours: [], theirs: [] };
  const keys = Object.keys(contenders);
  for (const k of keys) wall(contenders[k]!); // warm-up: disk cache
  for (let r = 0; r < RUNS; r++)
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(r + j) % keys.length]!;
      times[k]!.push(wall(contenders[k]!));
    }
  const theirsBytes = statSync(join(work, "openapi.d.ts")).size;
  rmSync(work, { recursive: true, force: true });
  const [node, ours, theirs] = [median(times["node"]!), median(times["ours"]!), median(times["theirs"]!)];
  const vs = ours / theirs;
  console.log(
    `\nvs openapi-typescript (whole process, cold, plain node, median of ${RUNS}; gemini-typekit ${rebuilt ? "rebuilt by this run" : "as built"}):`,
  );
  console.log(`  gemini-typekit generate (built CLI, all outputs)   ${ours.toFixed(0).padStart(5)} ms`);
  console.log(
    `  openapi-typescript on Google's OpenAPI export      ${theirs.toFixed(0).padStart(5)} ms  (one file, ${(theirsBytes / 1024).toFixed(0)} KiB)`,
  );
  console.log(`  bare node                                          ${node.toFixed(0).padStart(5)} ms`);
  console.log(
    `  gemini-typekit / openapi-typescript: ${vs.toFixed(2)}× (net of bare node ${((ours - node) / (theirs - node)).toFixed(2)}×) — target ≤ 1.0×: ${vs <= 1 ? "met" : "MISSED"}`,
  );
}
