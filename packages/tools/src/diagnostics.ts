// Errors are data: every problem the toolkit finds is a Diagnostic with a stable code, a message and a location.
// The CLI prints them; library callers get them as values.

export type Severity = "error" | "warning";

export interface Location {
  /** File the problem is in, relative to the working directory when possible. */
  file?: string;
  /** JSON Pointer (RFC 6901) inside that file's JSON value. */
  pointer?: string;
  /** 1-based line and column, when the input is text we parsed ourselves. */
  line?: number;
  column?: number;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  location: Location;
  /** Optional hint on how to fix it. */
  hint?: string;
}

export function error(code: string, message: string, location: Location = {}, hint?: string): Diagnostic {
  return hint === undefined
    ? { code, severity: "error", message, location }
    : { code, severity: "error", message, location, hint };
}

export function warning(code: string, message: string, location: Location = {}, hint?: string): Diagnostic {
  return hint === undefined
    ? { code, severity: "warning", message, location }
    : { code, severity: "warning", message, location, hint };
}

export function formatLocation(loc: Location): string {
  let out = loc.file ?? "";
  if (loc.line !== undefined) out += `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ""}`;
  if (loc.pointer !== undefined) out += `${out ? " " : ""}#${loc.pointer}`;
  return out;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d.location);
  const head = `${where ? `${where}: ` : ""}${d.severity} ${d.code}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Thrown when an operation cannot go on; carries every problem found so far. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "DiagnosticError";
  }
}
