// Generated data the runtime looks up by name — the validator schemas (packages/runtime/generated/validators/reference.js) and the
// model (packages/runtime/generated/model.ts) — comes as one export per name, each with the entries it refers to, so that a bundle
// carries only the entries its validators reach. A registry holds the entries included so far: including one includes
// all it reaches, before anything is looked up; an entry's JSON text is parsed, and prepared, when first read.

export interface LinkedData {
  readonly name: string;
  /** JSON text: a string literal costs next to nothing to load, and most entries are never read. */
  readonly json: string;
  /** The entries this one refers to (a function, so entries can refer to each other in any order and in cycles). */
  readonly refs?: () => readonly LinkedData[];
}

export class LinkedRegistry<T> {
  private readonly entries = new Map<string, LinkedData>();
  private readonly prepared = new Map<string, T>();

  constructor(private readonly prepare: (data: unknown, name: string) => T) {}

  /** Adds `root` and every entry it reaches; once it is there, one lookup. */
  include(root: LinkedData): void {
    if (this.entries.has(root.name)) return;
    // An entry is added with everything it reaches, in one go: one that is present needs no walk.
    const pending = [root];
    for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
      if (this.entries.has(entry.name)) continue;
      this.entries.set(entry.name, entry);
      if (entry.refs) pending.push(...entry.refs());
    }
  }

  /** An included entry's prepared data; undefined when no included entry has the name. */
  get(name: string): T | undefined {
    let data = this.prepared.get(name);
    if (data === undefined) {
      const entry = this.entries.get(name);
      if (entry === undefined) return undefined;
      data = this.prepare(JSON.parse(entry.json), name);
      this.prepared.set(name, data);
    }
    return data;
  }
}
