// fast-check arbitraries the runtime tests share: random JSON with nasty keys, and instance-ish payloads of a resource
// built from the model (random fields, either spelling, wrong types now and then, stray keys).
import fc from "fast-check";
import type { FieldModel } from "../../packages/runtime/src/runtime-model.ts";
import { wholeModel } from "./helpers.ts";

/** Every resource and enum (all of them included in the runtime's lookups, which these tests call directly). */
const MODEL = wholeModel();

export const NASTY_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
  "polluted",
];

/** Object keys: mostly ordinary, often the names that break naive object handling. */
const key = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_KEYS) },
);

/** JSON with nasty keys, made real by a JSON round trip (so `__proto__` is an own data property, as JSON.parse gives it). */
export const json = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string(),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map((entries) => {
        const o: Record<string, unknown> = {};
        for (const [k, v] of entries)
          Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
        return o;
      }),
    ),
  }))
  .value.map((v) => JSON.parse(JSON.stringify(v) ?? "null") as unknown);

type Gen = fc.GeneratorValue;
// Builders for fc.gen(): passed by reference and without arbitraries as arguments, which it would compare deeply.
const anyJson = () => json;
const anyKey = () => key;
const anyStruct = () => fc.dictionary(key, json, { maxKeys: 3 });

/** A value for one element of a field: usually of the right wire type, sometimes of another, sometimes anything. */
function elementFor(field: FieldModel, g: Gen, depth: number): unknown {
  const roll = g(fc.integer, { min: 0, max: 19 });
  if (roll === 0) return g(anyJson);
  switch (field.type) {
    case "ref":
      return depth < 4 && field.ref ? build(field.ref, g, depth + 1) : {};
    case "enum": {
      const e = MODEL.enums[field.ref ?? ""];
      const values = e?.values ?? ["X"];
      const numbers = Object.keys(e?.numbers ?? {}).map(Number);
      return roll < 12
        ? g(fc.constantFrom, ...values)
        : roll < 16 && numbers.length > 0
          ? g(fc.constantFrom, ...numbers, 999, -1)
          : g(fc.string);
    }
    case "int64":
    case "uint64":
      return roll < 14
        ? String(g(fc.bigInt, { min: -(2n ** 63n), max: 2n ** 63n - 1n }))
        : g(fc.constantFrom, "12a", "", " 1", 5, "1e3");
    case "int32":
    case "uint32":
      return roll < 14
        ? g(fc.integer, { min: -10, max: 2 ** 31 })
        : g(fc.constantFrom, 2 ** 32, -(2 ** 31) - 1, 1.5, "3");
    case "float":
    case "double":
      return roll < 16 ? g(fc.double, { noNaN: true, noDefaultInfinity: true }) : "0.5";
    case "boolean":
      return roll < 16 ? g(fc.boolean) : "true";
    case "timestamp":
      return g(
        fc.constantFrom,
        "2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00.123456789+02:00",
        "2024-13-01T00:00:00Z",
        "yesterday",
      );
    case "duration":
      return g(fc.constantFrom, "3.5s", "-1s", "5 seconds", "1.0000000001s");
    case "bytes":
      return roll < 14 ? g(fc.base64String, { maxLength: 12 }) : "not base64!";
    case "struct":
      return roll < 16 ? g(anyStruct) : g(anyJson);
    default:
      return roll < 16 ? g(fc.string) : g(anyJson);
  }
}

/** An instance-ish of `resource`: a random subset of its fields, in either spelling, plus now and then a stray key. */
export function build(resource: string, g: Gen, depth = 0): Record<string, unknown> {
  const model = MODEL.resources[resource];
  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown) =>
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [jsonName, field] of Object.entries(model?.fields ?? {})) {
    if (g(fc.integer, { min: 0, max: 9 }) >= (depth === 0 ? 5 : 3)) continue;
    const spelling = field.proto && g(fc.boolean) ? field.proto : jsonName;
    let value: unknown;
    if (field.repeated) {
      const n = g(fc.integer, { min: 0, max: 3 });
      value = Array.from({ length: n }, () => elementFor(field, g, depth));
      if (n === 1 && g(fc.integer, { min: 0, max: 4 }) === 0) value = (value as unknown[])[0]; // a single value for a list
    } else if (field.map) {
      value = Object.fromEntries(
        Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, () => [
          g(fc.string, { maxLength: 4 }),
          elementFor(field, g, depth),
        ]),
      );
    } else value = elementFor(field, g, depth);
    put(spelling, value);
    if (spelling !== jsonName && g(fc.integer, { min: 0, max: 9 }) === 0) put(jsonName, value); // both spellings
  }
  if (g(fc.integer, { min: 0, max: 4 }) === 0) put(g(anyKey), g(anyJson));
  return out;
}
