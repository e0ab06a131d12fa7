// The validation runtime as a published package would ship it: every module runtime/index.ts reaches, transpiled
// from TypeScript to JavaScript one file at a time (same layout, `.ts` imports rewritten to `.js`, type-only imports
// dropped) into a temporary directory, so a cold start can be timed without a TypeScript loader.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { ROOT } from "./corpus.ts";

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  verbatimModuleSyntax: true,
  rewriteRelativeImportExtensions: true,
};

/** Transpiles `entry` (a path under the project root) and what it imports into `outDir`; returns the entry's output path. */
export function transpileTree(entry: string, outDir: string): { entry: string; files: number; bytes: number } {
  const done = new Set<string>();
  let bytes = 0;
  const visit = (file: string): void => {
    if (done.has(file)) return;
    done.add(file);
    const target = join(outDir, relative(ROOT, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    let code: string;
    if (file.endsWith(".ts")) {
      code = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions: OPTIONS, fileName: file }).outputText;
      writeFileSync(target, code);
    } else {
      code = readFileSync(file, "utf8");
      copyFileSync(file, target);
    }
    bytes += Buffer.byteLength(code);
    for (const { fileName } of ts.preProcessFile(code, true, false).importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const js = resolve(dirname(file), fileName);
      const source = js.replace(/\.js$/, ".ts");
      visit(existsSync(source) ? source : js);
    }
  };
  visit(resolve(ROOT, entry));
  // The package is ESM ("type": "module" in its package.json) and the published tree says so too; without it node
  // has to detect each file's module format, several ms of every cold start.
  writeFileSync(join(outDir, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
  return { entry: join(outDir, entry).replace(/\.ts$/, ".js"), files: done.size, bytes };
}
