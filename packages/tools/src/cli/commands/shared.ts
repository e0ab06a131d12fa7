// Helpers the command modules share: printing diagnostics, resolving paths against the CLI's working directory.
import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { SHIPPED_SPEC_DIR } from "../../paths.ts";
import { formatDiagnostic, hasErrors, type Diagnostic } from "../../diagnostics.ts";
import { EXIT_INVALID, EXIT_OK, type CliIo } from "../command.ts";

export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  const shown = diagnostics.map((d) =>
    d.location.file && isAbsolute(d.location.file)
      ? { ...d, location: { ...d.location, file: relative(io.cwd, d.location.file) || d.location.file } }
      : d,
  );
  if (shown.length > 0) io.stderr(`${shown.map(formatDiagnostic).join("\n")}\n`);
}

/** A lint run's findings, as the lint commands print them (`--json`: `{ ok, findings }`), and its exit code. */
export function reportFindings(io: CliIo, file: string, findings: readonly Diagnostic[], json: boolean): number {
  if (json) io.stdout(`${JSON.stringify({ ok: !hasErrors(findings), findings }, null, 2)}\n`);
  else {
    printDiagnostics(io, findings);
    const errors = findings.filter((f) => f.severity === "error").length;
    io.stdout(`${file}: ${errors} error(s), ${findings.length - errors} warning(s)\n`);
  }
  return hasErrors(findings) ? EXIT_INVALID : EXIT_OK;
}

export const inCwd = (io: CliIo, p: string) => resolve(io.cwd, p);

/** `--spec`'s default: ./spec when the working directory has one, else the spec that ships with the tools. */
export const DEFAULT_SPEC_DIR = "spec";

export const SPEC_OPTION_HELP =
  "Spec directory (default: ./spec, or the spec shipped with gemini-typekit when there is none)";

/** The spec directory a command reads: --spec as given, else ./spec, else the shipped one. */
export function specDir(io: CliIo, given: string | undefined): string {
  if (given !== undefined) return inCwd(io, given);
  const local = inCwd(io, DEFAULT_SPEC_DIR);
  return existsSync(local) ? local : SHIPPED_SPEC_DIR;
}
