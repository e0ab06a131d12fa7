// The converters check what they emit with the linter, so that convert and lint agree by construction: a finding the
// linter calls an error means the schema is not handed out, a warning is passed on to the caller. A finding is placed
// at the source of the emitted node it points into (the TypeScript declaration or the input's JSON Pointer) and says
// where in the emitted schema it is.
import { hasErrors, type Diagnostic, type Location } from "../diagnostics.ts";
import type { OriginMap } from "./emit-json-schema.ts";
import type { JsonObject } from "./json-schema-types.ts";
import { lintSchema } from "./lint.ts";
import type { Origin } from "./ir.ts";
import type { Target } from "./rules/rule.ts";

/** The origin of the deepest emitted node at or above `pointer`. */
function originAt(origins: OriginMap, pointer: string): Origin | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const found = origins.get(p);
    if (found || p === "") return found;
  }
}

function relocate(d: Diagnostic, origins: OriginMap): Diagnostic {
  const pointer = d.location.pointer ?? "";
  const origin = originAt(origins, pointer);
  const { path, ...location }: Origin = origin ?? {};
  const source = path ? ` (from ${path})` : "";
  const where = `in the emitted schema at #${pointer}${source}`;
  const relocated: Location = location.file !== undefined || location.pointer !== undefined ? location : { pointer };
  return { ...d, message: `${d.message} [${where}]`, location: relocated };
}

/** Lint `schema` for `target`; every finding relocated to the source of the node it is about. */
export function lintEmitted(schema: JsonObject, target: Target, origins: OriginMap): Diagnostic[] {
  return lintSchema(schema, { target }).map((d) => relocate(d, origins));
}

/** Hand out `schema` only if the linter finds no error in it for `target`; its findings join the diagnostics. */
export function checked(
  schema: JsonObject | undefined,
  diagnostics: Diagnostic[],
  target: Target,
  origins: OriginMap,
): { schema?: JsonObject; diagnostics: Diagnostic[] } {
  if (!schema || hasErrors(diagnostics)) return { diagnostics };
  const all = [...diagnostics, ...lintEmitted(schema, target, origins)];
  return hasErrors(all) ? { diagnostics: all } : { schema, diagnostics: all };
}
