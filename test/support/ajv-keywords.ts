// The ajv set-up of the tests' independent oracle (./ajv-oracle.ts) and the benches' ajv baseline
// (scripts/bench/support/ajv-standalone.ts): the options, the "next" vocabulary, and the keywords the validator schemas
// use beyond JSON Schema. The library implements these keywords itself (packages/runtime/src/vocabulary/: the fast path
// and the reference checker); here they are ajv keywords written independently of it, each emitting plain inline code
// (standalone code then needs nothing at run time). Nothing here ships: ajv compiles at test and bench time only.
//   x-gemini-bytes       base64 check of a bytes field: whole for values up to 256 characters, spot-checked beyond
//                        (the length, and 8 evenly spaced 32-character windows including both ends). A regular
//                        expression reads base64 at about the speed JSON.parse reads it, and bytes fields (inline media,
//                        thought signatures) are most of a response's bytes: a full scan would cost more than the rest
//                        of validation together. The spot check still catches what goes wrong in practice — text that
//                        is not base64 at all, a value cut short — and the API rejects corrupt media itself.
//   x-gemini-drift       lenient mode's record of what the spec does not know, made while validating (no second pass,
//                        no error objects): placed under `additionalProperties` it records an unknown field; with an
//                        array of values on a string it records a value outside them (an unknown enum value). Records go
//                        to the caller's drift sink as typed records: kind, instance path, value, and the resource
//                        holding the field or the enum holding the value.
// The keyword names are the runtime's (one definition, packages/runtime/src/vocabulary/strings.ts). Published schemas
// (packages/runtime/generated/schemas/) keep standard keywords only; validatorSchemas() in
// packages/tools/src/generate/validators/validator-schemas.ts swaps these in.
import AjvModule, { type Ajv, type KeywordCxt, type Vocabulary } from "ajv";
import { _, or, strConcat, type Code, type Name } from "ajv/dist/compile/codegen/index.js";
import { _Code } from "ajv/dist/compile/codegen/code.js";
import namesModule from "ajv/dist/compile/names.js";
import nextVocabularyModule from "ajv/dist/vocabularies/next.js";
import { DriftKind } from "@gemini-typekit/runtime";
import { BYTES, DRIFT } from "@gemini-typekit/runtime/vocabulary";
import { BASE64_PATTERN } from "../../packages/tools/src/generate/wire-formats.ts";

/** Characters checked in full; longer values are spot-checked. */
export const FULL_CHECK_LIMIT = 256;
const WINDOWS = 8;
const WINDOW = 32;

/**
 * Source of the base64 check in ajv's code (evaluated here for in-memory validators). The library has its own copy,
 * packages/runtime/src/bytes.ts; test/generate/validator-keywords.test.ts holds the two equal.
 */
export const BYTES_CHECK_SOURCE = `(() => {
  const whole = /${BASE64_PATTERN}/;
  return (s) => {
    const n = s.length;
    if (n <= ${FULL_CHECK_LIMIT}) return whole.test(s);
    if (n % 4 === 1) return false;
    for (let k = 0; k < ${WINDOWS}; k++) {
      const at = Math.floor(((n - ${WINDOW}) * k) / ${WINDOWS - 1});
      if (!whole.test(s.slice(at, at + ${WINDOW}))) return false;
    }
    return true;
  };
})()`;

// The same source runs in memory and in standalone code.
const bytesCheck = new Function(`return ${BYTES_CHECK_SOURCE}`)() as (s: string) => boolean;

/** A drift record, as the runtime's reference checker makes it (packages/runtime/src/drift-record.ts). */
export interface AjvDriftRecord {
  kind: DriftKind;
  /** JSON Pointer of the unknown field or enum value. */
  path: string;
  value: unknown;
  /** The resource holding the unknown field, or the enum the value is not in. */
  owner: string;
}

/** Where the compiled code reaches the caller's drift sink. */
function driftSink(cxt: KeywordCxt, sink: AjvDriftRecord[]): Name {
  return cxt.gen.scopeValue("obj", { ref: sink, code: _`[]` });
}

// ajv's modules are CommonJS with default exports; under ESM interop they may arrive wrapped.
const unwrap = (module: unknown): unknown => (module as { default?: unknown }).default ?? module;
const AjvClass = unwrap(AjvModule) as new (options: Record<string, unknown>) => Ajv;
const nextVocabulary = unwrap(nextVocabularyModule) as Vocabulary;
const names = unwrap(namesModule) as { instancePath: Name };

function instancePath(cxt: KeywordCxt): Code {
  return strConcat(names.instancePath, cxt.it.errorPath);
}

/** The code of a drift record object. */
const record = (kind: DriftKind, path: Code, data: Name, owner: string): Code =>
  _`{ kind: ${kind}, path: ${path}, value: ${data}, owner: ${owner} }`;

/** Adds x-gemini-bytes and x-gemini-drift to `ajv`; in-memory lenient validators record their drift into `sink`. */
function addValidatorKeywords(ajv: Ajv, sink: AjvDriftRecord[]): Ajv {
  ajv.addKeyword({
    keyword: BYTES,
    type: "string",
    schemaType: "boolean",
    code(cxt: KeywordCxt) {
      const check = cxt.gen.scopeValue("func", { ref: bytesCheck, code: new _Code(BYTES_CHECK_SOURCE) });
      cxt.fail(_`!${check}(${cxt.data})`);
    },
  });
  ajv.addKeyword({
    keyword: DRIFT,
    schemaType: ["string", "array"],
    code(cxt: KeywordCxt) {
      const records = driftSink(cxt, sink);
      const { gen, data, schema } = cxt;
      // The schema the keyword sits in: the resource holding an unknown field, or the enum of an unknown value.
      const owner = /([^/]+)\.json$/.exec(cxt.it.baseId)?.[1] ?? "";
      if (schema === "unknown-field") {
        gen.code(_`${records}.push(${record(DriftKind.UnknownField, instancePath(cxt), data, owner)})`);
        return;
      }
      const known = or(...(schema as string[]).map((v) => _`${data} === ${v}`));
      gen.if(_`typeof ${data} == "string" && !(${known})`, () =>
        gen.code(_`${records}.push(${record(DriftKind.UnknownEnumValue, instancePath(cxt), data, owner)})`),
      );
    },
  });
  return ajv;
}

/**
 * The ajv options of the oracle and the benches' ajv baseline. Patterns are ASCII, so they
 * need no `u` flag, which makes regular expressions slower.
 */
export const AJV_OPTIONS = { allErrors: true, strict: true, unicodeRegExp: false } as const;

/**
 * An ajv instance set up for the validator schemas: options and keywords. ajv's core class with its "next"
 * vocabulary (draft-07 plus dependentSchemas, the 2019-09 keyword the schemas use) compiles the same checks as its
 * 2020-12 class without tracking evaluated properties for `unevaluated*` keywords, which no schema uses: every
 * validator call is cheaper. validatorSchemas() drops the `$schema` the published schemas carry. Lenient validators
 * compiled in memory record drift into `driftSink` (the caller's: empty it before a validation whose drift you read);
 * standalone code gets an array of its own.
 */
export function validatorAjv(options: Record<string, unknown> = {}, driftSink: AjvDriftRecord[] = []): Ajv {
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...options });
  ajv.addVocabulary(nextVocabulary);
  return addValidatorKeywords(ajv, driftSink);
}
