// `spec check --todo`: what the overlay still lacks — every missing description and every enum without a name —
// each at the file and JSON Pointer where a person would write it. An unnamed enum whose values are exactly those of
// a named one is most likely that enum: the item says which file's usedBy to add it to.
import { join, relative } from "node:path";
import { pointer } from "../util/json-pointer.ts";
import { OVERLAY_DIR } from "./files.ts";
import type { EnumIR, SpecIR } from "./ir.ts";

export interface TodoItem {
  kind: "description" | "enum-name";
  /** What lacks it, in public names: `Resource`, `Resource.field`, `Resource.oneof`, `Enum`, `Enum.VALUE`, a method id. */
  subject: string;
  /** The overlay file to write it in (it may not exist yet), relative to the working directory. */
  file: string;
  pointer: string;
  /** With kind "enum-name": a named enum with exactly the same values. */
  suggestion?: string;
}

const valueKey = (e: EnumIR) => JSON.stringify(e.values.map((v) => v.name).sort());

export function specTodo(ir: SpecIR, specDir: string, cwd = process.cwd()): TodoItem[] {
  const overlay = (...parts: string[]) =>
    relative(cwd, join(specDir, OVERLAY_DIR, ...parts)) || join(specDir, OVERLAY_DIR, ...parts);
  const items: TodoItem[] = [];
  const describe = (subject: string, file: string, ...segments: string[]) =>
    items.push({ kind: "description", subject, file, pointer: pointer(...segments) });

  for (const r of [...ir.resources.values(), ...ir.anyTypes.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const file = overlay("resources", `${r.name}.json`);
    if (r.description === "") describe(r.name, file, "description");
    if (!("fields" in r)) continue;
    for (const f of r.fields) if (f.description === "") describe(`${r.name}.${f.jsonName}`, file, "fields", f.jsonName);
    for (const u of r.unions) if (u.description === "") describe(`${r.name}.${u.name}`, file, "unions", u.name);
  }

  const namedByValues = new Map<string, string>();
  for (const e of ir.enums.values())
    if (e.named && !namedByValues.has(valueKey(e))) namedByValues.set(valueKey(e), e.name);
  for (const e of ir.enums.values()) {
    const file = overlay("enums", `${e.name}.json`);
    if (!e.named) {
      const same = namedByValues.get(valueKey(e));
      const item: TodoItem = { kind: "enum-name", subject: e.usedBy.join(", "), file, pointer: "/usedBy" };
      if (same !== undefined)
        item.suggestion = `${e.usedBy.join(", ")} has exactly the values of ${same}: add it to the usedBy of ${overlay("enums", `${same}.json`)}`;
      items.push(item);
      continue; // its descriptions are written once it has a name
    }
    if (e.description === "") describe(e.name, file, "description");
    for (const v of e.values) if (v.description === "") describe(`${e.name}.${v.name}`, file, "values", v.name);
  }

  for (const [id, m] of ir.methods) if (m.description === "") describe(id, overlay("methods.json"), id);
  return items;
}

export function formatTodo(items: readonly TodoItem[]): string {
  const lines = items.map((t) => {
    const what = t.kind === "enum-name" ? `enum of ${t.subject} has no name` : `${t.subject} has no description`;
    return `${t.file} #${t.pointer}: todo ${t.kind}: ${what}${t.suggestion ? `\n  suggestion: ${t.suggestion}` : ""}`;
  });
  const descriptions = items.filter((t) => t.kind === "description").length;
  lines.push(`${descriptions} missing descriptions, ${items.length - descriptions} enums without a name`);
  return `${lines.join("\n")}\n`;
}
