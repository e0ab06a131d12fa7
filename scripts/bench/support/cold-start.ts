// The child scripts of the cold-start benches (validate-cold-start, packages): each runs in a fresh plain-node
// process, loads a validator, validates one real response and prints, from its own clock, `boot` (ms from process
// start to the script's first line), `load` (importing, and for ajv compiling) and `first` (the first validation).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { CORPUS_DIR, ROOT } from "./corpus.ts";

/** One real generateContent response (grounded: a large share of the schema is exercised). */
export const COLD_START_RESPONSE = join(
  CORPUS_DIR,
  "generate/firebase-sdk-test-data-unary-success-google-search-grounding.json",
);

// The ajv baseline compiles the published schemas with allErrors + strict, as a user would (the tests' ajv oracle uses
// these too, AJV_OPTIONS in test/support/ajv-keywords.ts; not imported: the child is plain node).
const AJV_OPTIONS = { allErrors: true, strict: true };

export interface ChildTimes {
  boot: number;
  load: number;
  first: number;
}

const url = (path: string) => JSON.stringify(pathToFileURL(path).href);

const READ = `const boot = performance.now();
import { readFileSync, readdirSync } from "node:fs";
const body = JSON.parse(readFileSync(process.argv[2], "utf8"));
const t0 = performance.now();`;
const READ_CJS = `const boot = performance.now();
const { readFileSync } = require("node:fs");
const body = JSON.parse(readFileSync(process.argv[2], "utf8"));
const t0 = performance.now();`;
const REPORT = `const t2 = performance.now();
if (ok !== true) { console.error("not valid"); process.exit(1); }
console.log(JSON.stringify({ boot, load: t1 - t0, first: t2 - t1 }));`;
const VALIDATE = `const ok = validateGenerateContentResponse(body, { mode: "lenient" }).ok;`;

/** A process that loads nothing: node's own boot, the baseline every other child is taken net of. */
export const EMPTY_CHILD = `const boot = performance.now(); console.log(JSON.stringify({ boot, load: 0, first: 0 }));`;

/** ESM child (.mjs): `await import(specifier)` of the library (a package name or a file URL). */
export const typekitEsmChild = (specifier: string) => `${READ}
const { validateGenerateContentResponse } = await import(${JSON.stringify(specifier)});
const t1 = performance.now();
${VALIDATE}
${REPORT}`;

/** CommonJS child (.cjs): `require(specifier)` of the library. */
export const typekitCjsChild = (specifier: string) => `${READ_CJS}
const { validateGenerateContentResponse } = require(${JSON.stringify(specifier)});
const t1 = performance.now();
${VALIDATE}
${REPORT}`;

/** ESM child loading one generated validators module (`path`) alone and calling its GenerateContentResponse. */
export const validatorModuleChild = (path: string, okWhen: string) => `${READ}
const { GenerateContentResponse } = await import(${url(path)});
const t1 = performance.now();
const ok = GenerateContentResponse(body) ${okWhen};
${REPORT}`;

/** ESM child: ajv (this repository's) compiling the published schemas at start-up; `every`: all of them, not only the one used. */
export const ajvChild = (every: boolean) => `${READ}
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
${every ? "for (const id of ids) ajv.getSchema(id);" : ""}
const validate = ajv.getSchema("https://gemini-typekit.dev/schemas/v1beta/GenerateContentResponse.json");
const t1 = performance.now();
const ok = validate(body);
${REPORT}`;

/** The times a child printed on its last line. */
export function childTimes(stdout: string): ChildTimes {
  const last = stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last) as ChildTimes;
  } catch {
    throw new Error(`a cold-start child printed no times: ${JSON.stringify(stdout.slice(-200))}`);
  }
}

/** The JavaScript modules `entry` loads through relative imports: how many and their bytes. */
export function moduleGraph(entry: string): { files: number; bytes: number } {
  const seen = new Set<string>();
  let bytes = 0;
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    bytes += Buffer.byteLength(code);
    for (const { fileName } of ts.preProcessFile(code, true, false).importedFiles) {
      if (fileName.startsWith(".")) visit(resolve(dirname(file), fileName));
    }
  };
  visit(resolve(entry));
  return { files: seen.size, bytes };
}
