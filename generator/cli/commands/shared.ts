// Helpers the command modules share: printing diagnostics, resolving paths against the CLI's working directory.
import { isAbsolute, relative, resolve } from "node:path";
import { formatDiagnostic, type Diagnostic } from "../../diagnostics.ts";
import type { CliIo } from "../command.ts";

export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  const shown = diagnostics.map((d) =>
    d.location.file && isAbsolute(d.location.file) ? { ...d, location: { ...d.location, file: relative(io.cwd, d.location.file) || d.location.file } } : d,
  );
  if (shown.length > 0) io.stderr(`${shown.map(formatDiagnostic).join("\n")}\n`);
}

export const inCwd = (io: CliIo, p: string) => resolve(io.cwd, p);

export const DEFAULT_SPEC_DIR = "spec";
