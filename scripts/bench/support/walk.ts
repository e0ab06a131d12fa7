// The floor of any validator: a bare recursive walk that visits every value of a parsed JSON document once.
export function walk(v: unknown): number {
  if (v === null || typeof v !== "object") return 1;
  let n = 1;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) n += walk(v[i]);
  else for (const k in v) n += walk((v as Record<string, unknown>)[k]);
  return n;
}
