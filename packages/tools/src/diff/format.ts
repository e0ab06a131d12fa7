// The text form of a diff: changes grouped by level (breaking first), each with its rule, then the prose changes
// apart, since they never break anything but may leave the overlay's text out of date.
import type { ClassifiedChange, SpecDiff } from "./diff.ts";
import type { ProseChange } from "./prose.ts";
import type { Level } from "./rules.ts";

const SIGN = { added: "+", removed: "-", changed: "~" } as const;
const LEVELS: Level[] = ["breaking", "warning", "info"];

function line(c: ClassifiedChange): string {
  const what = c.kind === "changed" && c.aspect ? `${c.aspect}: ${String(c.before)} → ${String(c.after)}` : c.detail;
  const flags = c.flags ? ` [${c.flags.join(", ")}]` : "";
  return `  ${SIGN[c.kind]} ${c.path}${what ? `  (${what})` : ""}${flags}  ${c.rule}, ${c.direction}`;
}

export function formatDiff(diff: SpecDiff, prose: readonly ProseChange[]): string {
  const lines = [diff.from ? `Changes from revision ${diff.from} to ${diff.to}:` : `Revision ${diff.to}:`];
  if (diff.changes.length === 0) lines.push("  no structural changes.");
  for (const level of LEVELS) {
    const group = diff.changes.filter((c) => c.level === level);
    if (group.length === 0) continue;
    lines.push("", `${level} (${group.length}):`, ...group.map(line));
  }
  if (prose.length > 0)
    lines.push("", `Prose (${prose.length}): re-check the overlay text for`, ...prose.map((p) => `  ~ ${p.path}`));
  return `${lines.join("\n")}\n`;
}
