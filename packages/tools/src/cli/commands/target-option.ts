// --target and --dialect, as lint-schema and to-schema take them: the request field a schema is sent in, or (the
// older spelling) only its dialect. Both name one target; given both, they must agree.
import { TARGET_DIALECT, type Target } from "../../response-schema/rules/rule.ts";

/** --dialect's spelling of each dialect, and the target it stands for alone. */
export const DIALECT_OPTION = { json: "responseJsonSchema", openapi: "responseSchema" } as const;
export type DialectOption = keyof typeof DIALECT_OPTION;

/** The target: --target, else the one --dialect stands for; undefined when they disagree. */
export function chooseTarget(target: Target | undefined, dialect: DialectOption | undefined): Target | undefined {
  if (target === undefined) return DIALECT_OPTION[dialect ?? "json"];
  return dialect === undefined || TARGET_DIALECT[target] === DIALECT_OPTION[dialect] ? target : undefined;
}

/** The usage error for a --target and a --dialect that disagree. */
export const targetConflict = (target: Target, dialect: DialectOption) =>
  `--target ${target} is a ${TARGET_DIALECT[target]} field; --dialect ${dialect} does not go with it (drop --dialect)\n`;
