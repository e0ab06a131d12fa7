// In-memory strict type-checking of emitted TypeScript, reporting diagnostics as "file:line: message" strings.
import { Project, ts, type CompilerOptions } from "ts-morph";

export const STRICT_OPTIONS: CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  noEmit: true,
  lib: ["lib.es2023.d.ts"],
  types: [],
};

/** Files by path (relative, in memory); returns every diagnostic, [] when they all compile. */
export function typeCheck(files: Record<string, string>, extra: CompilerOptions = {}): string[] {
  const project = createProject(files, extra);
  return project.getPreEmitDiagnostics().map((d) => {
    const where = d.getSourceFile() ? `${d.getSourceFile()!.getBaseName()}:${d.getLineNumber()}` : "";
    return `${where}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, "\n")}`;
  });
}

export function createProject(files: Record<string, string>, extra: CompilerOptions = {}): Project {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...STRICT_OPTIONS, ...extra } });
  for (const [path, text] of Object.entries(files)) project.createSourceFile(`/${path}`, text);
  return project;
}
