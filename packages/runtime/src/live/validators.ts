// Each direction's message validator: the generated BidiGenerateContentClientMessage (strict by default: what users
// send) and BidiGenerateContentServerMessage (lenient by default: what the API returns).
import { resourceByName } from "../resources.ts";
import { validateResource } from "../validator.ts";
import type { Mode, ValidationResult } from "../result.ts";
import type { LiveDirection } from "./types.ts";

export const MESSAGE_RESOURCE: Record<LiveDirection, string> = {
  client: "BidiGenerateContentClientMessage",
  server: "BidiGenerateContentServerMessage",
};

export const DEFAULT_MODE: Record<LiveDirection, Mode> = { client: "strict", server: "lenient" };

export function validateMessage(direction: LiveDirection, value: unknown, mode: Mode): ValidationResult<unknown> {
  const resource = MESSAGE_RESOURCE[direction];
  // Until the spec has the Live envelopes, say so instead of passing what was never checked.
  if (!resourceByName(resource)) return { ok: false, issues: [{ pointer: "", code: "invalid-value", message: `the spec has no ${resource}: regenerate with the Live API messages` }] };
  return validateResource(resource, value, mode);
}
