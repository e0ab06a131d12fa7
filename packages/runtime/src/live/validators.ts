// Each direction's message validator: the generated BidiGenerateContentClientMessage (strict by default: what users
// send) and BidiGenerateContentServerMessage (lenient by default: what the API returns). Imported by name, so a
// bundle using the Live checks carries these two resources and what they reach, not every resource.
import {
  validateBidiGenerateContentClientMessage,
  validateBidiGenerateContentServerMessage,
} from "../../generated/validate.ts";
import { encodeSegment } from "../runtime-model.ts";
import type { Drift, Mode, ValidationResult } from "../result.ts";
import type { LiveDirection } from "./types.ts";

export const DEFAULT_MODE: Record<LiveDirection, Mode> = { client: "strict", server: "lenient" };

export function validateMessage(direction: LiveDirection, value: unknown, mode: Mode): ValidationResult<unknown> {
  if (direction === "client") return validateBidiGenerateContentClientMessage(value, { mode });
  const result = validateBidiGenerateContentServerMessage(value, { mode });
  return mode === "lenient" ? newerKindAsDrift(value, result) : result;
}

const SERVER_MESSAGE = "BidiGenerateContentServerMessage";

/**
 * A server message none of whose members this spec knows is a kind of message newer than the spec (as goAway and
 * sessionResumptionUpdate once were, and crashed closed-world clients): the envelope is a oneof the server extends,
 * so in lenient mode each member is drift, not the no-known-field issue a REST body of unknown keys gets. An error
 * envelope and a client message keep that issue: they are known kinds, sent the wrong way.
 */
function newerKindAsDrift(value: unknown, result: ValidationResult<unknown>): ValidationResult<unknown> {
  if (result.ok || result.issues.length !== 1 || result.issues[0]!.code !== "no-known-field") return result;
  const members = value as Record<string, unknown>;
  // Not newer kinds, but messages of other kinds: the API's error envelope, or a client message in the wrong direction.
  if (Object.keys(members).length === 1 && "error" in members) return result;
  if (validateBidiGenerateContentClientMessage(value, { mode: "lenient" }).ok) return result;
  const drift: Drift[] = Object.keys(members).map((key) => ({
    path: `/${encodeSegment(key)}`,
    kind: "unknown-field",
    value: members[key],
    spec: SERVER_MESSAGE,
  }));
  return { ok: true, value, drift };
}
