// Loading spec/ into the intermediate representation: read both layers, check them, merge.
import { hasErrors, type Diagnostic } from "../diagnostics.ts";
import { readSpecFiles } from "./files.ts";
import { mergeSpec } from "./merge.ts";
import type { SpecIR } from "./model.ts";

export async function loadSpec(specDir: string, cwd = process.cwd()): Promise<{ ir?: SpecIR; diagnostics: Diagnostic[] }> {
  const { files, diagnostics } = await readSpecFiles(specDir, cwd);
  if (!files.imported || hasErrors(diagnostics)) return { diagnostics };
  const merged = mergeSpec(files.imported, files.overlay, files.sources);
  const all = [...diagnostics, ...merged.diagnostics];
  return hasErrors(all) ? { diagnostics: all } : { ir: merged.ir, diagnostics: all };
}
