// The run-time support of the generated fast-path checkers (packages/runtime/generated/validators/fast.js imports it):
// the path to the object being checked, drift records, and the verdict. A real module rather than text the generator
// pastes, so the compiler and the linter check it.
//
// The path is a stack of keys (`pathKeys`, already escaped as JSON Pointer segments: declared names at generation,
// unknown and map keys by `escapeKey`) and of each key's order among its siblings (`pathOrder`: a declared property's
// index in the schema, an array index, 0 for a map entry; an unknown field gets -1, as the reference checker records
// an object's unknown fields before it checks its properties). A checker writes the slot of its depth and never pops:
// the depth is a parameter of every checker. Drift is recorded with its order and sorted into the order the reference
// checker finds it, so both report the same drift the same way.
//
// What is kept here lives for one synchronous check: `startCheck` clears it and `verdict` hands the drift to the
// caller's sink. Nothing here is exported that a check leaves behind.
import { DriftKind, type Drift } from "../result.ts";
import { Verdict, type DriftSink } from "./verdict.ts";

interface OrderedDrift {
  order: number[];
  drift: Drift;
}

/** The path's keys, by depth. */
export const pathKeys: string[] = [];
/** The path's orders among siblings, by depth. */
export const pathOrder: number[] = [];

let records: OrderedDrift[] | null = null;
let spelledOtherwise = false;

/** A key as a JSON Pointer segment. */
export const escapeKey = (s: string): string =>
  s.indexOf("~") < 0 && s.indexOf("/") < 0 ? s : s.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Records drift at depth `n` plus `keys` (with their `orders`) below it.
 * @param unknownField an unknown field (else an unknown enum value)
 * @param spec the resource of the unknown field, or the `Resource.field` holding the enum value
 */
export function recordDrift(
  n: number,
  keys: readonly string[],
  orders: readonly number[],
  unknownField: boolean,
  value: unknown,
  spec: string,
): void {
  let path = "";
  for (let i = 0; i < n; i++) path += "/" + pathKeys[i];
  for (let i = 0; i < keys.length; i++) path += "/" + keys[i];
  const order = pathOrder.slice(0, n);
  for (let i = 0; i < orders.length; i++) order.push(orders[i]!);
  const kind = unknownField ? DriftKind.UnknownField : DriftKind.UnknownEnumValue;
  const record = { order, drift: { path, kind, value, spec } };
  if (records === null) records = [record];
  else records.push(record);
}

/** Stops the check: the value is spelled otherwise than the spec spells it. Returns false, the checkers' "invalid". */
export function spelledOtherwiseFound(): false {
  spelledOtherwise = true;
  return false;
}

function before(a: OrderedDrift, b: OrderedDrift): number {
  const n = Math.min(a.order.length, b.order.length);
  for (let i = 0; i < n; i++) if (a.order[i] !== b.order[i]) return a.order[i]! - b.order[i]!;
  return a.order.length - b.order.length;
}

/** Called by every exported checker before it checks. */
export function startCheck(): void {
  records = null;
  spelledOtherwise = false;
}

/** The answer of an exported checker whose resource check returned `valid`; drift goes to `sink`. */
export function verdict(valid: boolean, sink: DriftSink | undefined): Verdict {
  if (!valid) return spelledOtherwise ? Verdict.SpelledOtherwise : Verdict.Invalid;
  const found = records;
  if (found === null) return Verdict.Valid;
  records = null;
  if (found.length > 1) found.sort(before);
  if (sink !== undefined) sink.drift = found.map((r) => r.drift);
  return Verdict.ValidWithDrift;
}
