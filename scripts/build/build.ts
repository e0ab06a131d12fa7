// `npm run build`: compiles both packages to JavaScript with declarations.
// - packages/runtime/dist/esm and dist/cjs: tsc over the library and the generated types, twice (ES modules, then
//   CommonJS under a "type": "commonjs" marker), plus the generated JavaScript modules tsc does not emit (the
//   fast-path checkers and reference data are JavaScript already: copied as they are, or turned into CommonJS);
// - packages/tools/dist: tsc over every module of the tools (the generator loads its emitters by URL, so nothing
//   can be left out), the JavaScript files beside them, and the CLI's help screens (see help.ts).
// Every step that fails stops the build with the compiler's own messages and a non-zero exit.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build as esbuild, transformSync } from "esbuild";
import { writeHelpScreens } from "./help.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const RUNTIME_DIR = join(ROOT, "packages/runtime");
export const TOOLS_DIR = join(ROOT, "packages/tools");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

const run = promisify(execFile);
/** The library's entry bundled for Node, in dist/esm and dist/cjs (see bundleForNode). */
export const NODE_BUNDLE = "node/index.js";

async function tsc(project: string): Promise<void> {
  try {
    await run(process.execPath, [TSC, "-p", project], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`tsc -p ${relative(ROOT, project)} failed:\n${stdout ?? ""}${stderr ?? ""}`, { cause: e });
  }
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

const RELATIVE_TS_IMPORT = /((?:from\s+|import\s*\(\s*)["']\.\.?\/[^"']+)\.ts(["'])/g;
const RELATIVE_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](\.\.?\/[^"']+\.js)["']/g;

/**
 * JavaScript modules the compiled code imports that tsc did not emit (generated .js files with a .d.ts beside
 * them). Followed from module to module, so a generated module importing another is found too.
 */
function missingModules(outDir: string, sourceDir: string): string[] {
  const found = new Set<string>();
  const queue = [...filesUnder(outDir)].filter((f) => f.endsWith(".js"));
  while (queue.length > 0) {
    const file = queue.pop()!;
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(file), match[1]!);
      if (existsSync(target) || found.has(target)) continue;
      const source = join(sourceDir, relative(outDir, target));
      if (!existsSync(source))
        throw new Error(
          `${relative(ROOT, file)} imports ${match[1]}, which is neither emitted nor at ${relative(ROOT, source)}`,
        );
      found.add(target);
      queue.push(source);
    }
  }
  return [...found].map((target) => relative(outDir, target));
}

function copyInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

export async function buildRuntime(): Promise<void> {
  rmSync(join(RUNTIME_DIR, "dist"), { recursive: true, force: true });
  await Promise.all([tsc(join(RUNTIME_DIR, "tsconfig.build.json")), tsc(join(RUNTIME_DIR, "tsconfig.cjs.json"))]);
  const esm = join(RUNTIME_DIR, "dist/esm");
  const cjs = join(RUNTIME_DIR, "dist/cjs");
  for (const path of missingModules(esm, RUNTIME_DIR)) {
    const source = join(RUNTIME_DIR, path);
    const declaration = source.replace(/\.js$/, ".d.ts");
    // Generated JavaScript imports the library's own modules by their TypeScript names, as tsc's
    // rewriteRelativeImportExtensions does for the library: in dist they are JavaScript.
    const text = readFileSync(source, "utf8").replace(RELATIVE_TS_IMPORT, "$1.js$2");
    mkdirSync(dirname(join(esm, path)), { recursive: true });
    writeFileSync(join(esm, path), text);
    const { code } = transformSync(text, { format: "cjs", target: "es2022", sourcefile: path });
    mkdirSync(dirname(join(cjs, path)), { recursive: true });
    writeFileSync(join(cjs, path), code);
    if (existsSync(declaration)) {
      copyInto(declaration, join(esm, path.replace(/\.js$/, ".d.ts")));
      copyInto(declaration, join(cjs, path.replace(/\.js$/, ".d.ts")));
    }
  }
  // Node reads the nearest package.json for a .js file's format: this one makes dist/cjs CommonJS.
  writeFileSync(join(cjs, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
  await bundleForNode(esm, cjs);
}

/**
 * The library's entry as one file per module format, for Node (the package's "node" export condition): Node loads
 * one file in well under half the time it takes to resolve and load the library's modules one by one, and nothing
 * bundles it further. Bundlers and other runtimes take the modules as tsc wrote them, so that a bundle keeps only
 * the validators an application imports (a bundle of the bundle would keep the lookup tables of every resource).
 */
async function bundleForNode(esm: string, cjs: string): Promise<void> {
  // Not minified: a whitespace- and syntax-minified bundle loads no faster here (measured with the cold-start bench),
  // and the code a user's stack trace points into stays readable.
  const common = { bundle: true, target: "es2022", legalComments: "inline", logLevel: "silent" } as const;
  await Promise.all([
    esbuild({
      ...common,
      entryPoints: [join(esm, "src/index.js")],
      outfile: join(esm, NODE_BUNDLE),
      format: "esm",
      platform: "neutral",
    }),
    // From the ES modules too: one scope for the whole library, where bundling tsc's CommonJS would keep a wrapper
    // and an exports object per module (a third slower to load).
    esbuild({
      ...common,
      entryPoints: [join(esm, "src/index.js")],
      outfile: join(cjs, NODE_BUNDLE),
      format: "cjs",
      platform: "node",
    }),
  ]);
}

export async function buildTools(): Promise<void> {
  const dist = join(TOOLS_DIR, "dist");
  rmSync(dist, { recursive: true, force: true });
  await tsc(join(TOOLS_DIR, "tsconfig.build.json"));
  const src = join(TOOLS_DIR, "src");
  for (const file of filesUnder(src)) if (/\.c?js$/.test(file)) copyInto(file, join(dist, relative(src, file)));
  await writeHelpScreens(TOOLS_DIR);
}

export async function build(): Promise<void> {
  await buildRuntime(); // first: the tools are compiled against the runtime's declarations
  await buildTools();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  build().then(
    () =>
      console.log(
        `built packages/runtime/dist and packages/tools/dist in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      ),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
