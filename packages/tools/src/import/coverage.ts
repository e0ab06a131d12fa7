// `spec stats --against DOC`: how much of a Discovery document the spec covers — its schemas, properties, enum fields
// and values, and methods, each with what is missing — read from the document as the importer reads it.
import type { Diagnostic } from "../diagnostics.ts";
import type { SpecIR } from "../spec/ir.ts";
import type { Ratio, SpecStats } from "../spec/stats.ts";
import { readMethods, readSchemas, type DiscoveryDoc } from "./discovery.ts";

const ratio = (missing: string[], total: number): Ratio => ({ covered: total - missing.length, total, missing });

export function coverage(
  ir: SpecIR,
  doc: DiscoveryDoc,
  file: string,
): { coverage: NonNullable<SpecStats["coverage"]>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { resources } = readSchemas(doc, file, diagnostics);
  const methods = readMethods(doc, file, diagnostics);
  const byUpstream = new Map([...ir.resources.values()].filter((r) => !r.added).map((r) => [r.upstreamName, r]));
  const missing = {
    schemas: [] as string[],
    properties: [] as string[],
    enumFields: [] as string[],
    enumValues: [] as string[],
    methods: [] as string[],
  };
  let properties = 0;
  let enumFields = 0;
  let enumValues = 0;
  for (const [name, upstream] of Object.entries(resources)) {
    const r = byUpstream.get(name);
    if (!r) missing.schemas.push(name);
    for (const [j, f] of Object.entries(upstream.fields)) {
      properties++;
      const field = r?.fields.find((x) => x.jsonName === j);
      if (!field) missing.properties.push(`${name}.${j}`);
      if (f.type !== "enum") continue;
      enumFields++;
      const e = field?.type === "enum" ? ir.enums.get(field.ref!) : undefined;
      if (!e) missing.enumFields.push(`${name}.${j}`);
      const known = new Set(e?.values.map((v) => v.name));
      for (const v of f.values ?? []) {
        enumValues++;
        if (!known.has(v.name)) missing.enumValues.push(`${name}.${j}#${v.name}`);
      }
    }
  }
  for (const [id, m] of Object.entries(methods)) {
    const mine = ir.methods.get(id);
    if (!mine || mine.httpMethod !== m.httpMethod || mine.path !== m.path) missing.methods.push(id);
  }
  return {
    coverage: {
      schemas: ratio(missing.schemas, Object.keys(resources).length),
      properties: ratio(missing.properties, properties),
      enumFields: ratio(missing.enumFields, enumFields),
      enumValues: ratio(missing.enumValues, enumValues),
      methods: ratio(missing.methods, Object.keys(methods).length),
    },
    diagnostics,
  };
}
