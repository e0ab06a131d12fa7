// Description changes between two Discovery documents, in public names. They break nobody, so they are listed
// apart from the structural changes: each is a place where the overlay's own text may need a second look.
export interface ProseChange {
  /** "Candidate" (the schema's description) or "Candidate.finishReason" (a property's). */
  path: string;
}

type Schemas = Record<string, { description?: string; properties?: Record<string, { description?: string }> }>;

function descriptions(doc: unknown, publicName: (n: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  const schemas = ((doc as { schemas?: Schemas } | undefined)?.schemas ?? {}) as Schemas;
  for (const [name, s] of Object.entries(schemas)) {
    const pub = publicName(name);
    if (typeof s.description === "string") out.set(pub, s.description);
    for (const [field, p] of Object.entries(s.properties ?? {}))
      if (typeof p.description === "string") out.set(`${pub}.${field}`, p.description);
  }
  return out;
}

/** Paths whose description exists on both sides and differs (additions and removals are structural changes). */
export function proseChanges(before: unknown, after: unknown, renames: ReadonlyMap<string, string>): ProseChange[] {
  const publicName = (n: string) => renames.get(n) ?? n;
  const a = descriptions(before, publicName);
  const b = descriptions(after, publicName);
  return [...b]
    .filter(([path, text]) => a.has(path) && a.get(path) !== text)
    .map(([path]) => ({ path }))
    .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
