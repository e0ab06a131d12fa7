// Is the value an instance of the resource at all? A non-empty object none of whose keys the resource knows, in any
// spelling (JSON name, proto name, alias), is most likely another resource or another API's body — an Interactions
// API response validated as a GenerateContentResponse, an error envelope under a 200 — and not a response whose
// every field is drift. Only the root is judged: below it, an object of unknown fields alone is ordinary drift (Vertex
// AI's `citationMetadata: {"citations": […]}`).
import type { Issue } from "./result.ts";
import { fieldFor } from "./runtime-model.ts";

/** How many keys the message quotes before "…" (the pointer is the root; the input has them all). */
const QUOTED_KEYS = 3;

const hasOwn = Object.prototype.hasOwnProperty;
const shortKey = (key: string) => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** The no-known-field issue for `value` as an instance of `resource` (whose model is included), if it applies. */
export function noKnownField(resource: string, value: unknown): Issue | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  // Usually the first key is known: no key list is made until none is.
  for (const key in value) if (hasOwn.call(value, key) && fieldFor(resource, key)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0) return undefined;
  const quoted = keys.slice(0, QUOTED_KEYS).map(shortKey).join(", ") + (keys.length > QUOTED_KEYS ? "…" : "");
  return {
    pointer: "",
    code: "no-known-field",
    message: `none of the keys (${quoted}) is a field of ${resource} — is this another resource or API?`,
    expected: `${resource} object`,
    received: `object (${keys.length} key${keys.length === 1 ? "" : "s"}, none of them a field of ${resource})`,
    spec: resource,
  };
}
