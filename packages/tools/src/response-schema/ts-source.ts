// Where TypeScript types come from: a file path, a ready ts-morph Project, or code text. Creating the Project is
// most of the cost of a conversion, so callers that convert repeatedly pass their own and reuse it.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Node as TsNode, Project, ts, type SourceFile } from "ts-morph";

export type TsSource = string | Project;

/** Compiler options for projects we create: strict like the user's code, and only the ES library (no DOM, no @types). */
export const projectOptions: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts"],
  types: [],
  allowImportingTsExtensions: true,
  noEmit: true,
  skipLibCheck: true,
};

export function createProject(): Project {
  return new Project({ compilerOptions: projectOptions, skipAddingFilesFromTsConfig: true });
}

const looksLikePath = (s: string) => !/[\n;{}=]/.test(s) && /\.(c|m)?tsx?$/.test(s.trim());

export interface LoadedSource {
  project: Project;
  /** Files to search for the type, in order. */
  files: SourceFile[];
  /** Set when `source` named a file that does not exist. */
  missing?: string;
}

export function loadSource(source: TsSource, cwd = process.cwd()): LoadedSource {
  if (typeof source !== "string") return { project: source, files: source.getSourceFiles() };
  const project = createProject();
  if (looksLikePath(source)) {
    const file = resolve(cwd, source);
    if (!existsSync(file)) return { project, files: [], missing: file };
    return { project, files: [project.addSourceFileAtPath(file)] };
  }
  return { project, files: [project.createSourceFile(resolve(cwd, "__input__.ts"), source, { overwrite: true })] };
}

export type TypeDeclaration = TsNode & { getName(): string | undefined };

/** The interface, type alias, class or enum called `name` in the first file that declares one. */
export function findDeclaration(files: readonly SourceFile[], name: string): TypeDeclaration | undefined {
  for (const sf of files) {
    const found = sf.getInterface(name) ?? sf.getTypeAlias(name) ?? sf.getClass(name) ?? sf.getEnum(name);
    if (found) return found as TypeDeclaration;
  }
  return undefined;
}

/** Names of every type declaration in the files, for "did you mean" messages. */
export function declaredTypeNames(files: readonly SourceFile[]): string[] {
  return files
    .flatMap((sf) =>
      [...sf.getInterfaces(), ...sf.getTypeAliases(), ...sf.getClasses(), ...sf.getEnums()].map(
        (d) => d.getName() ?? "",
      ),
    )
    .filter(Boolean);
}
