// Reading an rpc's `google.api.http` option: which URL templates it is served at and what the body carries.
// protobufjs hands the option over as parsed JSON-like data; this module turns it into bindings and reads the
// field paths a path template binds (`/v1beta/{model=models/*}:generateContent` binds the field `model`).

/** One way an rpc is served over HTTP (the rule itself or one of its additional_bindings). */
export interface HttpBinding {
  verb: "get" | "put" | "post" | "delete" | "patch" | "custom";
  /** The path template, e.g. "/v1beta/{model=models/*}:batchEmbedContents". */
  path: string;
  /** "*" (the whole request message is the body), a field name (that field alone is the body), or absent. */
  body?: string;
}

const VERBS = ["get", "put", "post", "delete", "patch"] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

function readBinding(rule: Json): HttpBinding | undefined {
  const body = typeof rule["body"] === "string" && rule["body"] !== "" ? rule["body"] : undefined;
  for (const verb of VERBS) {
    const path = rule[verb];
    if (typeof path === "string") return { verb, path, ...(body !== undefined ? { body } : {}) };
  }
  // A custom verb is `custom { kind: "HEAD" path: "…" }`.
  const custom = rule["custom"];
  if (isObject(custom) && typeof custom["path"] === "string")
    return { verb: "custom", path: custom["path"], ...(body !== undefined ? { body } : {}) };
  return undefined;
}

/**
 * The bindings of an rpc's `(google.api.http)` option, given protobufjs's parsed options of the method (a list
 * of one-key objects). additional_bindings come as one object or a list, depending on how often they occur.
 */
export function readHttpRule(parsedOptions: readonly Json[] | null | undefined): HttpBinding[] {
  const rule = (parsedOptions ?? []).map((o) => o["(google.api.http)"]).find(isObject);
  if (!rule) return [];
  const extra = rule["additional_bindings"];
  const rules = [rule, ...(Array.isArray(extra) ? extra : extra === undefined ? [] : [extra])].filter(isObject);
  return rules.map(readBinding).filter((b): b is HttpBinding => b !== undefined);
}

/** The field paths a path template binds, in order: "/v1beta/{chunk.name=corpora/*}" → ["chunk.name"]. */
export function pathVariables(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z_][A-Za-z0-9_.]*)(?:=[^}]*)?\}/g)].map((m) => m[1]!);
}
