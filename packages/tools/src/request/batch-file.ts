// A Batch API input file (JSON Lines: one `{ "key", "request": {…} }` per line), linted line by line. Every finding
// keeps its pointer inside its line's value and gets the line number, so `file:line #pointer` says where; a line that
// is no JSON is a json.syntax error at its line and column; blank lines are skipped. All lines are linted, so every
// problem of the file is reported at once.
import type { Diagnostic } from "../diagnostics.ts";
import { parseJsonText } from "../util/json-text.ts";
import { lintRequest, type LintRequestOptions } from "./lint-request.ts";

export function lintBatchFile(text: string, options: LintRequestOptions = {}): Diagnostic[] {
  const file = options.file ?? "<batch>";
  return text.split("\n").flatMap((raw, i) => {
    const lineText = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (lineText.trim() === "") return [];
    const line = i + 1;
    const parsed = parseJsonText(lineText, file);
    if (!parsed.ok) return [{ ...parsed.diagnostic, location: { ...parsed.diagnostic.location, line } }];
    return lintRequest(parsed.value, options).map((d) => ({ ...d, location: { ...d.location, line } }));
  });
}
