// Loading spec/ into the intermediate representation: read both layers, check them, merge (merge.ts), and refuse
// names the generated types would declare twice.
import { hasErrors, type Diagnostic } from "../diagnostics.ts";
import { readSpecFiles } from "./files.ts";
import { mergeSpec } from "./merge.ts";
import { nameClashDiagnostics } from "./name-clashes.ts";
import type { SpecIR } from "./ir.ts";

export async function loadSpec(
  specDir: string,
  cwd = process.cwd(),
): Promise<{ ir?: SpecIR; diagnostics: Diagnostic[] }> {
  const { files, diagnostics } = await readSpecFiles(specDir, cwd);
  if (!files.imported || hasErrors(diagnostics)) return { diagnostics };
  const merged = mergeSpec(files.imported, files.overlay, files.sources);
  const all = [...diagnostics, ...merged.diagnostics];
  if (hasErrors(all)) return { diagnostics: all };
  const clashes = nameClashDiagnostics(merged.ir, files);
  if (clashes.length > 0) return { diagnostics: [...all, ...clashes] };
  return { ir: merged.ir, diagnostics: all };
}
