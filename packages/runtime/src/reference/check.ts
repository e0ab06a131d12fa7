// The reference checker's evaluation: one handler per node kind, each the check of its keyword family
// (../vocabulary/), finding exactly the violations ajv reports as errors for the same schemas (the tests' oracle,
// test/support/ajv-oracle.ts), in their order. ajv (allErrors, strict numbers) evaluates a schema's keywords in groups
// — those for any type (const, enum, allOf/if, then the drift keyword, registered last), then number, string, array
// and object keywords, each only when the value has that type — and reports a type error first when the type's group
// has no keyword in the schema, else in that group's place. Lenient mode records drift where ajv's drift keyword does;
// strict mode turns the same places into ajv strict's `additionalProperties` and `enum` errors.
import { checkAnyType } from "../vocabulary/any-types.ts";
import { checkArray } from "../vocabulary/arrays.ts";
import type { Check, CheckRun } from "../vocabulary/keyword.ts";
import { checkMap } from "../vocabulary/maps.ts";
import type { SchemaNode, SchemaNodeKind } from "../vocabulary/nodes.ts";
import { checkResource } from "../vocabulary/objects.ts";
import { checkAnything, checkRef } from "../vocabulary/refs.ts";
import { checkInteger, checkScalar } from "../vocabulary/scalars.ts";
import { checkString } from "../vocabulary/strings.ts";
import { named } from "./registry.ts";

const CHECKS: { [K in SchemaNodeKind]: Check<Extract<SchemaNode, { kind: K }>> } = {
  ref: checkRef,
  anything: checkAnything,
  scalar: checkScalar,
  integer: checkInteger,
  string: checkString,
  array: checkArray,
  map: checkMap,
  resource: checkResource,
  any: checkAnyType,
};

/** Checks `data` (at instance path `path`) against `node`. Deep data overflows the stack: a RangeError, as with ajv. */
function check(this: CheckRun, node: SchemaNode, data: unknown, path: string): void {
  // Refs are followed here, not by a handler: one frame less per level.
  while (node.kind === "ref") {
    const target = named(node.name);
    if (target === undefined)
      throw new Error(`gemini-typekit reference checker: ${node.at}: $ref to unknown schema ${node.name}`);
    node = target;
  }
  (CHECKS[node.kind] as Check<SchemaNode>)(node, data, path, this);
}

/** A new run: its violations and (lenient) drift, found by checking values with its `check`. */
export function startRun(strict: boolean): CheckRun {
  return { strict, violations: [], drift: [], check };
}
