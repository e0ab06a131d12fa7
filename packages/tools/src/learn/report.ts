// What `spec learn` prints: the proposals grouped by kind, most-seen first, each with the number of files and up
// to three places it shows; then what no correction explains, the null fields, and the files that could not be read.
import type { Gathered, Place } from "./gather.ts";
import { formatProblem, groupProblems, type Problem } from "./problems.ts";
import { FINDING_ORDER, type Finding, type FindingKind, type Proposals } from "./propose.ts";

const HEADINGS: Record<FindingKind, string> = {
  addedField: "Fields the spec does not have (addedFields)",
  addedEnumValue: "Enum values the spec does not have (addedEnumValues)",
  relaxedRequired: "Required fields the payloads leave out (relaxedRequired)",
  unexplained: "Not explained by any correction learn can propose (fix the spec by hand, or the payloads)",
  null: "Fields sent as null (taken as unset; nothing to propose)",
  explainedBySpec: "Explained by the spec but not by the generated validators (run generate)",
};

export const formatPlace = (p: Place) => `${p.file}${p.chunk !== undefined ? ` chunk ${p.chunk}` : ""} #${p.pointer}`;

/** Problems of one kind listed one by one up to this many; more are counted, with this many examples. */
const MAX_LISTED = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function formatFinding(f: Finding): string[] {
  const keys = f.keys && f.keys.length > 1 ? `, keyed ${f.keys.join(" and ")}` : "";
  const types = f.types
    ? `; JSON types: ${Object.entries(f.types)
        .map(([t, n]) => `${t} (${n})`)
        .join(", ")}`
    : "";
  const lines = [`  ${f.target}: ${f.note ?? ""} — seen in ${plural(f.seenIn, "file")}${keys}${types}`];
  for (const p of f.examples) lines.push(`      ${formatPlace(p)}`);
  return lines;
}

export interface Summary {
  source: string;
  gathered: Gathered;
  proposals: Proposals;
}

export function formatReport({ source, gathered, proposals }: Summary): string {
  const lines: string[] = [
    `spec learn: ${plural(gathered.files, "file")} (${plural(gathered.bodies, "body").replace("bodys", "bodies")}) from ${source}`,
  ];
  for (const kind of FINDING_ORDER) {
    const found = proposals.findings.filter((f) => f.kind === kind);
    if (found.length === 0) continue;
    lines.push("", `${HEADINGS[kind]}: ${found.length}`);
    for (const f of found) lines.push(...formatFinding(f));
    if (kind === "addedField") {
      const resources = Object.entries(proposals.corrections.addedResources);
      for (const [name, r] of resources)
        lines.push(
          `  new resource ${name}: ${Object.entries(r.fields)
            .map(([k, d]) => `${k} ${d.repeated ? "repeated " : ""}${d.type === "ref" ? d.ref : d.type}`)
            .join(", ")}`,
        );
    }
  }
  if (proposals.findings.length === 0 && gathered.problems.length === 0)
    lines.push("The spec explains every payload: nothing to propose.");
  if (gathered.problems.length > 0) {
    lines.push("", `Files not read or not placed: ${gathered.problems.length}`);
    for (const group of groupProblems(gathered.problems)) {
      if (group.problems.length <= MAX_LISTED) for (const p of group.problems) lines.push(`  ${formatProblem(p)}`);
      else {
        lines.push(`  ${group.code}: ${group.message} — ${group.problems.length} files, e.g.`);
        for (const p of group.problems.slice(0, MAX_LISTED))
          lines.push(`      ${p.file}${p.origin ? ` (${p.origin})` : ""}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The report as data: the corrections exactly as --write would add them, and every finding and problem. */
export function reportJson({ source, gathered, proposals }: Summary, extra: Record<string, unknown> = {}): string {
  const problems: Problem[] = gathered.problems;
  return `${JSON.stringify({ source, files: gathered.files, bodies: gathered.bodies, corrections: proposals.corrections, findings: proposals.findings, problems, ...extra }, null, 2)}\n`;
}
