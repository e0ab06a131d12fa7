// to-schema benchmarks (not tests):
//  1. cold CLI: `gemini-typekit to-schema` on a one-type file vs ts-json-schema-generator's CLI on the same file,
//     each a fresh process (target: no slower);
//  2. warm: converting one type with a reused ts-morph Project (target: under 20 ms).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createProject, toResponseJsonSchema } from "../../packages/tools/src/response-schema/index.ts";

const ROOT = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "gtk-bench-"));
const file = join(dir, "recipe.ts");
writeFileSync(
  file,
  `/** A recipe. */
export interface Recipe {
  name: string;
  /** @integer */
  servings: number;
  ingredients: { item: string; grams?: number }[];
  tags: ("quick" | "vegan" | "cheap")[];
  notes?: string | null;
}
`,
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(cmd: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(cmd, args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    times.push(performance.now() - t0);
  }
  return median(times);
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ours = time(
  process.execPath,
  [join(ROOT, "packages/tools/bin/gemini-typekit.js"), "to-schema", file, "Recipe"],
  RUNS,
);
const theirs = time(
  process.execPath,
  [
    join(ROOT, "node_modules/ts-json-schema-generator/bin/ts-json-schema-generator.js"),
    "--path",
    file,
    "--type",
    "Recipe",
  ],
  RUNS,
);
console.log(
  `cold CLI, median of ${RUNS}: gemini-typekit to-schema ${ours.toFixed(0)} ms, ts-json-schema-generator ${theirs.toFixed(0)} ms, ratio ${(ours / theirs).toFixed(2)} (target <= 1.00)`,
);

const project = createProject();
project.addSourceFileAtPath(file);
toResponseJsonSchema(project, "Recipe"); // first conversion builds the program and checker
const warm: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  const r = toResponseJsonSchema(project, "Recipe");
  warm.push(performance.now() - t0);
  if (!r.schema) throw new Error("conversion failed");
}
const w = median(warm);
console.log(
  `warm conversion with a reused Project, median of 50: ${w.toFixed(2)} ms, ratio to the 20 ms target ${(w / 20).toFixed(2)}`,
);
