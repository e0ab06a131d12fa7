// How much of a payload a JSON Schema really checks: walk a value alongside the schema (through $ref and allOf) and
// count the values that sit under a constraining schema, the values only passed through (under a loose object, an
// unconstrained `{}` or a missing `items`), the unknown keys flagged (`additionalProperties: false`), and the distinct
// field paths checked. Works on gemini-typekit's bundle and on the JSON Schema zod emits for a zod schema, so both are
// counted the same way. Static counts (properties and constraint keywords reachable from the root) come from here too.
type Schema = boolean | { [keyword: string]: unknown };
type SchemaObject = { [keyword: string]: unknown };

/** Keywords that constrain a value (annotations such as description, title, readOnly do not). */
const CONSTRAINTS = [
  "type",
  "enum",
  "const",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "required",
  "not",
  "anyOf",
  "oneOf",
  "if",
  "properties",
  "items",
  "prefixItems",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "multipleOf",
  "uniqueItems",
];

export interface Coverage {
  /** Every JSON value of the payloads. */
  values: number;
  /** Values sitting under a schema that constrains them (type, enum, pattern, …). */
  checked: number;
  /** Values only passed through: under a loose object's unknown keys, `{}`, or an array without `items`. */
  unchecked: number;
  /** Unknown keys reported (additionalProperties: false: drift in lenient mode, errors in strict). */
  flaggedKeys: number;
  /** Distinct field paths (array indices collapsed) whose values are checked. */
  paths: Set<string>;
}

export class SchemaCoverage {
  private readonly byRef = new Map<string, SchemaObject>();

  /** `defs`: the schemas `$ref`s may name, by `$id`, by file name (`Candidate.json`) or as `#/$defs/<name>`. */
  constructor(
    private readonly root: Schema,
    defs: Record<string, SchemaObject> = {},
  ) {
    for (const [name, def] of Object.entries(defs)) {
      this.byRef.set(`#/$defs/${name}`, def);
      this.byRef.set(`${name}.json`, def);
      if (typeof def["$id"] === "string") this.byRef.set(def["$id"], def);
    }
  }

  private deref(ref: string): SchemaObject {
    const found = this.byRef.get(ref) ?? this.byRef.get(ref.split("/").pop()!);
    if (!found) throw new Error(`unresolved $ref ${ref}`);
    return found;
  }

  /** The schema and everything it applies through $ref and allOf. */
  private effective(schema: Schema, out: SchemaObject[] = []): SchemaObject[] {
    if (typeof schema === "boolean") return out;
    out.push(schema);
    if (typeof schema["$ref"] === "string") this.effective(this.deref(schema["$ref"]), out);
    if (Array.isArray(schema["allOf"])) for (const s of schema["allOf"] as Schema[]) this.effective(s, out);
    return out;
  }

  measure(payloads: readonly unknown[]): Coverage {
    const c: Coverage = { values: 0, checked: 0, unchecked: 0, flaggedKeys: 0, paths: new Set() };
    for (const p of payloads) this.visit(this.root, p, "", c);
    return c;
  }

  private passThrough(value: unknown, c: Coverage): void {
    c.values++;
    c.unchecked++;
    if (Array.isArray(value)) for (const v of value) this.passThrough(v, c);
    else if (value !== null && typeof value === "object") for (const v of Object.values(value)) this.passThrough(v, c);
  }

  private visit(schema: Schema, value: unknown, path: string, c: Coverage): void {
    const eff = this.effective(schema);
    if (schema === false || eff.some((s) => CONSTRAINTS.some((k) => k in s))) {
      c.values++;
      c.checked++;
      if (path) c.paths.add(path);
    } else return this.passThrough(value, c);
    if (Array.isArray(value)) {
      const items = eff.find((s) => s["items"] !== undefined)?.["items"] as Schema | undefined;
      for (const v of value) {
        if (items === undefined) this.passThrough(v, c);
        else this.visit(items, v, `${path}[]`, c);
      }
    } else if (value !== null && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        const declared = eff.find((s) => Object.hasOwn((s["properties"] as object | undefined) ?? {}, key));
        const sub = `${path}${path ? "." : ""}${key}`;
        if (declared) {
          this.visit((declared["properties"] as Record<string, Schema>)[key]!, v, sub, c);
          continue;
        }
        const additional = eff.find((s) => s["additionalProperties"] !== undefined)?.["additionalProperties"] as
          Schema | undefined;
        if (additional === false) {
          c.flaggedKeys++;
          this.passThrough(v, c);
        } else if (additional !== undefined && additional !== true) this.visit(additional, v, sub, c);
        else this.passThrough(v, c);
      }
    }
  }

  /** Properties and constraint keywords reachable from the root (each schema object counted once). */
  staticCounts(): { schemas: number; properties: number; keywords: number; enumValues: number } {
    const seen = new Set<SchemaObject>();
    const counts = { schemas: 0, properties: 0, keywords: 0, enumValues: 0 };
    const go = (s: unknown): void => {
      if (Array.isArray(s)) return s.forEach(go);
      if (s === null || typeof s !== "object" || seen.has(s as SchemaObject)) return;
      const o = s as SchemaObject;
      seen.add(o);
      counts.schemas++;
      for (const k of CONSTRAINTS) if (k in o) counts.keywords++;
      if (o["additionalProperties"] === false) counts.keywords++;
      if (Array.isArray(o["enum"])) counts.enumValues += o["enum"].length;
      if (typeof o["$ref"] === "string") go(this.deref(o["$ref"]));
      for (const [k, v] of Object.entries(o)) {
        if (k === "properties" || k === "$defs" || k === "patternProperties") {
          if (k === "properties") counts.properties += Object.keys(v as object).length;
          if (k !== "$defs") Object.values(v as object).forEach(go);
        } else if (
          [
            "items",
            "prefixItems",
            "additionalProperties",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
          ].includes(k)
        )
          go(v);
      }
    };
    go(this.root);
    return counts;
  }
}
