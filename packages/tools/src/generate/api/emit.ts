// packages/runtime/generated/validate.ts: the per-resource validation API — `validate<Name>`, `assert<Name>`, `is<Name>`,
// `normalize<Name>` and the `validators` table — typed by packages/runtime/generated/types.ts and implemented by
// packages/runtime/src/validator.ts. Each resource's three types (strict-valid, lenient-valid, default mode) follow from
// its side of the wire:
//   response side: one type, enums already open;
//   request side:  the closed type when strict, `Open<T>` when lenient;
//   both sides:    `T<"request">` when strict, `T<"response">` when lenient.
// The default mode (strict for request bodies and request-only resources) picks one of them.
// Each resource's validator is a declaration of its own, created by a call marked pure from its own fast-path checker,
// schema and model entry (named, never looked up by a computed name), and each exported function is read off it by a
// pure call too (a plain property read counts as a possible side effect): a bundler keeps the validators an
// application uses and what they reach, nothing else. Every declaration is annotated with its type, so that the
// package's declaration files name the types instead of spelling out each one's expansion (Open<T> inlined, 1.4 MB).
import type { EmittedFile, GenerateContext } from "../context.ts";

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
import { createValidator, pick, type ResourceValidator } from "../src/validator.ts";
import * as fast from "./validators/fast.js";
import * as schemas from "./validators/reference.js";
import * as models from "./model.ts";
`;

/** Names the module declares or imports itself: a resource's validator of the same name would clash. */
const OWN_NAMES = [
  "T",
  "Open",
  "createValidator",
  "pick",
  "ResourceValidator",
  "fast",
  "schemas",
  "models",
  "validators",
];

export function apiSource(ctx: GenerateContext): string {
  const names = [...ctx.ir.resources.keys()].sort();
  for (const name of names)
    if (OWN_NAMES.includes(name))
      throw new Error(`validate.ts: a resource named ${name} clashes with the module's own ${name}`);
  const declarations = names.map((name) => {
    // Side, genericity and default mode are the IR's (ResourceWireFacts).
    const { side, generic, defaultMode: mode } = ctx.ir.resources.get(name)!;
    const [strict, lenient] =
      side === "both" && generic
        ? [`T.${name}<"request">`, `T.${name}<"response">`]
        : side === "request"
          ? [`T.${name}`, `Open<T.${name}>`]
          : [`T.${name}`, `T.${name}`];
    const byDefault = mode === "strict" ? strict : lenient;
    const definition = `{ name: "${name}", mode: "${mode}", fast: fast.${name}, schema: schemas.${name}, model: models.${name} }`;
    return `const ${name}: ResourceValidator<${strict}, ${lenient}, ${byDefault}> = /* @__PURE__ */ createValidator(${definition});`;
  });
  const table = names.map((name) => `  ${name},`);
  const exports = names.flatMap((name) =>
    ["validate", "assert", "is", "normalize"].map(
      (part) => `export const ${part}${name}: (typeof ${name})["${part}"] = /* @__PURE__ */ pick(${name}, "${part}");`,
    ),
  );
  return [
    HEADER,
    declarations.join("\n"),
    "",
    "/** Every resource's validator, by name (a bundle that uses it carries them all). */",
    `export const validators: {\n${names.map((name) => `  readonly ${name}: typeof ${name};`).join("\n")}\n} = {\n${table.join("\n")}\n};`,
    "",
    "export type ValidatedResourceName = keyof typeof validators;",
    "",
    `${exports.join("\n")}\n`,
  ].join("\n");
}

export function emitApi(ctx: GenerateContext): Map<string, EmittedFile> {
  return new Map([[API_PATH, { kind: "ts", content: apiSource(ctx) }]]);
}
