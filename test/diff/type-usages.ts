// Small TypeScript usages of the items a diff reports, written as code against the OLD side's generated types would be
// written: naming a type, building a request literal with the fields it requires, reading a response field into the
// type it had, naming an enum constant, passing a method's parameters. Compiled against the old side each must
// compile (else the usage, not the change, is wrong); compiled against the new side, a change whose rule says it
// breaks the types must make its usage fail, and an info change must not.
//
// Values come from `v<T>()`, typed by the NEW side wherever only the presence of a key is in question, so a usage
// fails for the change it is about and not for an unrelated change elsewhere in the same value's type; the old side's
// types are used only where the change is a type change of that very item.
import type { ClassifiedChange } from "../../packages/tools/src/diff/diff.ts";
import type { SpecIR } from "../../packages/tools/src/spec/ir.ts";

type Mod = "api" | "old";
type Side = "request" | "response";

/** A change and the statements that use it as old code would; no `code` when old code cannot name the item. */
export interface Usage {
  change: ClassifiedChange;
  code?: string;
}

const key = (k: string) => `[${JSON.stringify(k)}]`;
const isIdentifier = (s: string) => /^[A-Za-z_$][\w$]*$/.test(s);
const writes = (c: ClassifiedChange) => c.direction === "request" || c.direction === "both";
const reads = (c: ClassifiedChange) => c.direction !== "request";

export class UsageWriter {
  private readonly generic: ReadonlySet<string>;

  constructor(
    private readonly old: SpecIR,
    private readonly next: SpecIR,
  ) {
    this.generic = new Set([...old.resources.values()].filter((r) => r.generic).map((r) => r.name));
  }

  /** A resource as old code names it: generic ones with the side's type argument. */
  private type(mod: Mod, name: string, side: Side): string {
    return `${mod}.${name}${this.generic.has(name) ? `<"${side}">` : ""}`;
  }

  private fieldNames(ir: SpecIR, resource: string): Set<string> {
    return new Set((ir.resources.get(resource)?.fields ?? []).map((f) => f.jsonName));
  }

  /**
   * A request literal of `resource` with every field old code had to set, plus `extra`, as old code would write it
   * once adapted to every change but the one judged (`subject`). Two kinds of key come in spreads, which TypeScript
   * does not check for excess keys: required fields the new side lacks (their removal is another change), and fields
   * the new side newly requires other than the subject (`Adapt` yields them on the new side and nothing on the old).
   * An `extra` key the new side lacks gets a value of its old type, so the literal fails on the excess key.
   */
  private literal(resource: string, extra: string[], subject?: string): string {
    const inNew = this.fieldNames(this.next, resource);
    const required = (this.old.resources.get(resource)?.fields ?? []).filter((f) => f.required).map((f) => f.jsonName);
    const newlyRequired = (this.next.resources.get(resource)?.fields ?? [])
      .filter((f) => f.required && !required.includes(f.jsonName) && f.jsonName !== subject)
      .map((f) => f.jsonName);
    const gone = required.filter((k) => !inNew.has(k) && !extra.includes(k));
    const keys = [...new Set([...required.filter((k) => inNew.has(k)), ...extra])];
    const names = (ks: string[]) => ks.map((k) => JSON.stringify(k)).join(" | ");
    const entries = keys.map(
      (k) =>
        `${JSON.stringify(k)}: v<NonNullable<${this.type(inNew.has(k) ? "api" : "old", resource, "request")}${key(k)}>>()`,
    );
    if (newlyRequired.length > 0)
      entries.unshift(`...v<Adapt<${this.type("api", resource, "request")}, ${names(newlyRequired)}>>()`);
    if (gone.length > 0) entries.unshift(`...v<Pick<${this.type("old", resource, "request")}, ${names(gone)}>>()`);
    return `const w: ${this.type("api", resource, "request")} = { ${entries.join(", ")} };`;
  }

  /** Of `members`, those old code could set together: fields the old side had, no two from one of its oneofs. */
  private settable(resource: string, members: readonly string[]): string[] {
    const oldResource = this.old.resources.get(resource);
    const oldFields = this.fieldNames(this.old, resource);
    const newFields = this.fieldNames(this.next, resource);
    const chosen: string[] = [];
    for (const m of members) {
      if (!oldFields.has(m) || !newFields.has(m)) continue;
      if (chosen.some((c) => oldResource?.unions.some((u) => u.members.includes(c) && u.members.includes(m)))) continue;
      chosen.push(m);
    }
    return chosen;
  }

  /** Reading a response field into the type old code gave it. */
  private read(resource: string, field: string): string {
    return `const r = v<${this.type("api", resource, "response")}>(); const y: ${this.type("old", resource, "response")}${key(field)} = r${key(field)};`;
  }

  /** Writing a value of the field's old type into a request. */
  private writeValue(resource: string, field: string): string {
    return `const t: ${this.type("api", resource, "request")}${key(field)} = v<${this.type("old", resource, "request")}${key(field)}>();`;
  }

  private name(resource: string, side: Side): string {
    return `type U = ${this.type("api", resource, side)};`;
  }

  usage(c: ClassifiedChange): Usage {
    const code = this.code(c);
    return code === undefined ? { change: c } : { change: c, code };
  }

  private code(c: ClassifiedChange): string | undefined {
    switch (c.subject) {
      case "service":
        return undefined;
      case "resource":
        return c.kind === "added" ? undefined : this.name(c.path, writes(c) ? "request" : "response");
      case "field":
        return this.fieldCode(c);
      case "enum-value":
        return this.enumValueCode(c);
      case "union":
        return this.unionCode(c);
      case "method":
        return this.methodCode(c);
      case "parameter":
        return this.parameterCode(c);
    }
  }

  private fieldCode(c: ClassifiedChange): string | undefined {
    const dot = c.path.indexOf(".");
    const [resource, field] = [c.path.slice(0, dot), c.path.slice(dot + 1)];
    if (!this.old.resources.has(resource)) return undefined;
    const out: string[] = [];
    if (c.kind === "added") {
      out.push(writes(c) ? this.literal(resource, [], field) : this.name(resource, "response"));
      return out.join("\n");
    }
    // A required flag change is judged by the fields old code had to set; every other change also sets the field.
    if (writes(c)) out.push(this.literal(resource, c.aspect === "required" ? [] : [field], field));
    if (writes(c) && c.aspect === "type") out.push(this.writeValue(resource, field));
    if (reads(c)) out.push(this.read(resource, field));
    return out.join("\n");
  }

  private enumValueCode(c: ClassifiedChange): string | undefined {
    const [fieldPath, value] = c.path.split("#") as [string, string];
    const dot = fieldPath.indexOf(".");
    const [resource, field] = [fieldPath.slice(0, dot), fieldPath.slice(dot + 1)];
    const enumName = this.old.resources.get(resource)?.fields.find((f) => f.jsonName === field)?.ref;
    if (!enumName) return undefined;
    if (c.kind === "added") return `type U = typeof api.${enumName};`;
    const constant = isIdentifier(value) ? `api.${enumName}.${value}` : `api.${enumName}[${JSON.stringify(value)}]`;
    const out = [`const e: string = ${constant};`];
    if (writes(c))
      out.push(
        `const t: Elem<NonNullable<${this.type("api", resource, "request")}${key(field)}>> = ${JSON.stringify(value)};`,
      );
    return out.join("\n");
  }

  private unionCode(c: ClassifiedChange): string | undefined {
    const [resource, union] = c.path.split("#oneof:") as [string, string];
    const oldResource = this.old.resources.get(resource);
    if (!oldResource) return undefined;
    const side = c.kind === "removed" ? oldResource : this.next.resources.get(resource);
    const settable = this.settable(resource, side?.unions.find((u) => u.name === union)?.members ?? []);
    const out: string[] = [];
    if (writes(c)) out.push(this.literal(resource, settable));
    if (reads(c)) out.push(...settable.map((m) => `{ ${this.read(resource, m)} }`));
    return out.length > 0 ? out.join("\n") : this.name(resource, "response");
  }

  private methodCode(c: ClassifiedChange): string | undefined {
    if (c.kind === "added") return undefined;
    const m = `api.Methods[${JSON.stringify(c.path)}]`;
    const o = `old.Methods[${JSON.stringify(c.path)}]`;
    if (c.aspect === "request") return `const x: ${m}["request"] = v<${o}["request"]>();`;
    if (c.aspect === "response") return `const y: ${o}["response"] = v<${m}["response"]>();`;
    return `type U = ${m};`;
  }

  private parameterCode(c: ClassifiedChange): string | undefined {
    const open = c.path.indexOf("(");
    const [method, parameter] = [c.path.slice(0, open), c.path.slice(open + 1, -1)];
    const before = this.old.methods.get(method);
    const after = this.next.methods.get(method);
    if (!before || !after) return undefined;
    const params = (mod: Mod) => `${mod}.Methods[${JSON.stringify(method)}]["params"]`;
    const required = Object.entries(before.parameters)
      .filter(([n, p]) => p.required && after.parameters[n])
      .map(([n]) => n);
    const literal = (extra: string[]) => {
      const keys = [...new Set([...required, ...extra])];
      const entries = keys.map(
        (k) => `${JSON.stringify(k)}: v<NonNullable<${params(after.parameters[k] ? "api" : "old")}${key(k)}>>()`,
      );
      return `const p: ${params("api")} = { ${entries.join(", ")} };`;
    };
    if (c.kind === "added") return literal([]);
    if (c.kind === "removed" || c.aspect !== "values") {
      const out = [literal(c.aspect === "required" ? [] : [parameter])];
      if (c.aspect === "type")
        out.push(`const t: ${params("api")}${key(parameter)} = v<${params("old")}${key(parameter)}>();`);
      return out.join("\n");
    }
    // Values: old code passes each value it knew.
    const values = typeof c.before === "string" && c.before !== "none" ? c.before.split(",") : [];
    return values
      .map((value) => `{ const t: Elem<NonNullable<${params("api")}${key(parameter)}>> = ${JSON.stringify(value)}; }`)
      .join("\n");
  }
}

export interface UsageModule {
  text: string;
  /** The usage (index into the list given) whose lines hold a 1-based line, if any. */
  usageAt(line: number): number | undefined;
}

/**
 * One module holding every usage, each in its own function, against `api` (the side under test) and `old` (the old
 * side, for the types values had).
 */
export function usageModule(usages: readonly Usage[], apiModule: string, oldModule: string): UsageModule {
  const lines = [
    `import * as api from ${JSON.stringify(apiModule)};`,
    `import * as old from ${JSON.stringify(oldModule)};`,
    "declare function v<T>(): T;",
    "type Elem<T> = T extends readonly (infer E)[] ? E : T;",
    "type Adapt<T, K extends string> = { [P in K & keyof T]: NonNullable<T[P]> };",
  ];
  const ranges: [start: number, end: number, index: number][] = [];
  usages.forEach((u, i) => {
    if (u.code === undefined) return;
    const start = lines.length + 1;
    lines.push(
      `// ${u.change.rule} ${u.change.path}`,
      `export function usage${i}() {`,
      ...u.code.split("\n").map((l) => `  ${l}`),
      "}",
    );
    ranges.push([start, lines.length, i]);
  });
  return { text: lines.join("\n") + "\n", usageAt: (line) => ranges.find(([s, e]) => line >= s && line <= e)?.[2] };
}
