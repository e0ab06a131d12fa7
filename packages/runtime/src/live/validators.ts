// Each direction's message validator: the generated BidiGenerateContentClientMessage (strict by default: what users
// send) and BidiGenerateContentServerMessage (lenient by default: what the API returns). Imported by name, so a
// bundle using the Live checks carries these two resources and what they reach, not every resource.
import { validateBidiGenerateContentClientMessage, validateBidiGenerateContentServerMessage } from "../../generated/validate.ts";
import type { Mode, ValidationResult } from "../result.ts";
import type { LiveDirection } from "./types.ts";

export const DEFAULT_MODE: Record<LiveDirection, Mode> = { client: "strict", server: "lenient" };

export function validateMessage(direction: LiveDirection, value: unknown, mode: Mode): ValidationResult<unknown> {
  return direction === "client" ? validateBidiGenerateContentClientMessage(value, { mode }) : validateBidiGenerateContentServerMessage(value, { mode });
}
