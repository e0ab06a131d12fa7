// generated/validate.ts: the per-resource validation API — `validate<Name>`, `assert<Name>`, `is<Name>`,
// `normalize<Name>` and the `validators` table — typed by generated/types.ts and implemented by runtime/validator.ts.
// Each resource's three types (strict-valid, lenient-valid, default mode) follow from its side of the wire:
//   response side: one type, enums already open;
//   request side:  the closed type when strict, `Open<T>` when lenient;
//   both sides:    `T<"request">` when strict, `T<"response">` when lenient.
// The default mode (generated/model.ts: strict for request bodies and request-only resources) picks one of them.
import type { EmittedFile, GenerateContext } from "../context.ts";
import { computeDirections } from "../types/direction.ts";
import { defaultModes } from "../model/emit.ts";

export const API_PATH = "validate.ts";

const HEADER = `/**
 * The validation API of every resource:
 * - \`validate<Name>(value, { mode })\` → \`{ ok: true, value, drift }\` or \`{ ok: false, issues }\`; it is also a
 *   Standard Schema (\`validate<Name>["~standard"]\`);
 * - \`assert<Name>(value)\` returns the valid value or throws a ValidationError listing every issue;
 * - \`is<Name>(value)\` is a type guard (true when the value is valid as it is);
 * - \`normalize<Name>(value)\` turns snake_case keys and integer-encoded enums into the spec's form.
 * The default mode is strict for resources users send (every method's request body) and lenient for those the API
 * returns.
 */
import type * as T from "./types.ts";
import type { Open } from "../src/open.ts";
import { createValidator } from "../src/validator.ts";
`;

export function apiSource(ctx: GenerateContext): string {
  const { side, generic } = computeDirections(ctx.ir);
  const modes = defaultModes(ctx.ir);
  const names = [...ctx.ir.resources.keys()].sort();
  const table = names.map((name) => {
    const s = side.get(name) ?? "response";
    const [strict, lenient] =
      s === "both" && generic.has(name)
        ? [`T.${name}<"request">`, `T.${name}<"response">`]
        : s === "request"
          ? [`T.${name}`, `Open<T.${name}>`]
          : [`T.${name}`, `T.${name}`];
    const byDefault = modes.get(name) === "strict" ? strict : lenient;
    return `  ${name}: createValidator<${strict}, ${lenient}, ${byDefault}>("${name}", "${modes.get(name) === "strict" ? "strict" : "lenient"}"),`;
  });
  const exports = names.flatMap((name) => [
    `export const validate${name} = validators.${name}.validate;`,
    `export const assert${name} = validators.${name}.assert;`,
    `export const is${name} = validators.${name}.is;`,
    `export const normalize${name} = validators.${name}.normalize;`,
  ]);
  return `${HEADER}\n/** Every resource's validator, by name. */\nexport const validators = {\n${table.join("\n")}\n};\n\nexport type ValidatedResourceName = keyof typeof validators;\n\n${exports.join("\n")}\n`;
}

export function emitApi(ctx: GenerateContext): Map<string, EmittedFile> {
  return new Map([[API_PATH, { kind: "ts", content: apiSource(ctx) }]]);
}
