// Data the runtime looks up by name (the validator schemas, the model), emitted as one export per name: its JSON text
// and the entries it refers to. A bundler then keeps exactly the entries that the validators an application imports
// reach, instead of one table of everything. The runtime (packages/runtime/src/linked.ts) adds an entry with all it
// reaches to its lookups on first use, and parses an entry's JSON when it is first read: a string literal costs next
// to nothing to load.

export interface LinkedEntry {
  name: string;
  data: unknown;
  /** Names of the entries this one refers to. */
  refs: Iterable<string>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A JS string literal in single quotes: JSON text then needs only its backslashes escaped (and any `'`). */
function singleQuoted(text: string): string {
  return `'${text.replace(/[\\']/g, "\\$&")}'`;
}

/**
 * One `export const <name> = { name, json, refs }` per entry, in the order given. `refs` is a function, so that entries
 * can refer to each other in any order and in cycles. `reserved`: names the module declares itself; `type`: the
 * annotation each export gets (TypeScript output).
 */
export function linkedExports(entries: readonly LinkedEntry[], reserved: readonly string[], type?: string): string {
  const names = new Set<string>();
  for (const { name } of entries) {
    if (!IDENTIFIER.test(name)) throw new Error(`linked data: ${JSON.stringify(name)} is not an identifier`);
    if (reserved.includes(name)) throw new Error(`linked data: ${name} is a name the module declares itself`);
    if (names.has(name)) throw new Error(`linked data: ${name} twice`);
    names.add(name);
  }
  const lines = entries.map(({ name, data, refs }) => {
    const targets = [...new Set(refs)].filter((r) => r !== name).sort();
    for (const target of targets)
      if (!names.has(target)) throw new Error(`linked data: ${name} refers to unknown ${target}`);
    const link = targets.length > 0 ? `, refs: () => [${targets.join(", ")}]` : "";
    return `export const ${name}${type ? `: ${type}` : ""} = { name: ${JSON.stringify(name)}, json: ${singleQuoted(JSON.stringify(data))}${link} };`;
  });
  return `${lines.join("\n")}\n`;
}
