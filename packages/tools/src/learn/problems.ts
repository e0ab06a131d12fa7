// A payload `spec learn` could not read, place or split into bodies: said with where (file, line:col or chunk and
// byte offset) and counted, so that no file drops out of the evidence unnoticed.

export interface Problem {
  file: string;
  code:
    "unreadable" | "no-payloads" | "invalid-manifest" | "unplaced" | "invalid-json" | "stream-framing" | "truncated";
  message: string;
  line?: number;
  column?: number;
  chunk?: number;
  offset?: number;
  /** The manifest line that named the file, `manifest.jsonl:12`. */
  origin?: string;
}

export function formatProblem(p: Problem): string {
  const where =
    p.chunk !== undefined
      ? ` chunk ${p.chunk} (byte ${p.offset ?? 0})`
      : p.line !== undefined
        ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ""}`
        : "";
  return `${p.file}${where}: ${p.code}: ${p.message}${p.origin ? ` (${p.origin})` : ""}`;
}

/** Problems with the same code and message together, in the order first seen: a corpus repeats a few reasons often. */
export function groupProblems(problems: readonly Problem[]): { code: string; message: string; problems: Problem[] }[] {
  const groups = new Map<string, { code: string; message: string; problems: Problem[] }>();
  for (const p of problems) {
    const key = `${p.code}\u0000${p.message}`;
    if (!groups.has(key)) groups.set(key, { code: p.code, message: p.message, problems: [] });
    groups.get(key)!.problems.push(p);
  }
  return [...groups.values()];
}
