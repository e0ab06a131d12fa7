// What every keyword family of the validator schemas provides, in one module of its own (./scalars.ts, ./strings.ts,
// ./arrays.ts, ./maps.ts, ./objects.ts, ./any-types.ts, ./refs.ts, and ./json-types.ts for `type`):
//   read     the family's keywords, from a schema's JSON into a typed node (./nodes.ts dispatches on the schema's shape)
//   check    the reference checker's interpretation: the violations (and lenient drift) a value has against the node
//   compile  the fast path's code: statements that `return false` unless the value is valid (drift is recorded)
//   issues   per violation kind the family reports, the issue a user reads: code, message, expected and received
// The tables that dispatch to them — ../reference/check.ts (check), ./issues.ts (issues) and the tools' fast-path
// compiler (packages/tools/src/generate/validators/fast.ts) — are typed Records over the node and violation kinds, so
// a family missing from one does not compile. These are the contracts they share.
import type { DriftRecord } from "../drift-record.ts";
import type { Issue } from "../result.ts";
import type { SpecPlace } from "../runtime-model.ts";
import { id, js, type Code } from "./code.ts";
import type { SchemaNode, StringSchemaNode } from "./nodes.ts";
import type { Violation } from "./violations.ts";

/** What every node has: `owner`, the named schema it is in (drift records name it); `at`, its schema path. */
export interface NodeBase {
  owner: string;
  at: string;
}

// ---- reading ----

export type RawSchema = Record<string, unknown>;

/** Reads a nested schema (refs stay names). */
export type ReadNested = (schema: unknown, owner: string, at: string) => SchemaNode;

export const isRawSchema = (v: unknown): v is RawSchema => v !== null && typeof v === "object" && !Array.isArray(v);

export function unreadable(at: string, what: string): never {
  throw new Error(`gemini-typekit validator schema ${at}: ${what}`);
}

/** Refuses a keyword outside `allowed`: a schema the checkers do not know is never checked silently wrong. */
export function onlyKeywords(schema: RawSchema, allowed: readonly string[], at: string): void {
  for (const key of Object.keys(schema)) if (!allowed.includes(key)) unreadable(at, `unsupported keyword ${key}`);
}

export function stringList(value: unknown, at: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
    unreadable(at, "expected an array of strings");
  return value as string[];
}

// ---- the reference check ----

/** One reference check in progress. */
export interface CheckRun {
  strict: boolean;
  violations: Violation[];
  /** Lenient drift, in the order it is found. */
  drift: DriftRecord[];
  /** Checks a nested value at instance path `path` (the checker's dispatch, following refs). */
  check(node: SchemaNode, data: unknown, path: string): void;
}

export type Check<N extends SchemaNode> = (node: N, data: unknown, path: string, run: CheckRun) => void;

// ---- the fast path ----

/** Path segments as expressions: the key (property name, index or map key) and its order among its siblings. */
export interface Segments {
  keys: Code[];
  ords: Code[];
}

/** What a family's compile step asks of the fast-path compiler (packages/tools/src/generate/validators/fast.ts). */
export interface FastCompiler {
  /** Statements that `return false` unless `x` is valid against `node` (dispatched by node kind). */
  check(node: SchemaNode, x: Code, where: string, at: Segments): Code[];
  /** A named schema, or a generation error naming `where`. */
  named(name: string, where: string): SchemaNode;
  /** A module-level RegExp of the pattern. */
  pattern(source: string): Code;
  /** The module-level Set of an enum's values (the named schema the string node is in). */
  enumSet(node: StringSchemaNode, values: readonly string[]): Code;
  /** The module-level Set of an enum's values upper-cased (./strings.ts foldedValues). */
  foldedSet(owner: string): Code;
  /** The library's base64 check of bytes fields, imported into the module. */
  bytesCheck(): Code;
  /** A fresh local name. */
  fresh(prefix: string): Code;
  /** Starts the checks of a resource's field (`Resource.field`): drift found under it names it. */
  enterField(field: string): void;
  readonly field: string;
  /** Keys other than the declared ones that name a resource's fields (proto names). */
  otherSpellings(resource: string): readonly string[];
  fail(where: string, what: string): never;
}

export type Compile<N extends SchemaNode> = (
  node: N,
  x: Code,
  where: string,
  at: Segments,
  compiler: FastCompiler,
) => Code[];

/**
 * What the generated checkers import from ../fast-path/tracking.ts, and the short names the code calls them by (the
 * `satisfies` holds each to an export of that module).
 */
export const FAST_SUPPORT = {
  pathKeys: "$k",
  pathOrder: "$o",
  escapeKey: "$escape",
  recordDrift: "$record",
  spelledOtherwiseFound: "$otherSpelling",
  startCheck: "$start",
  verdict: "$verdict",
} as const satisfies Partial<Record<keyof typeof import("../fast-path/tracking.ts"), string>>;

/** The support function `name`, as the generated code calls it. */
export const support = (name: keyof typeof FAST_SUPPORT): Code => id(FAST_SUPPORT[name]);

/** The checker function of a named schema. */
export const checkerOf = (name: string): Code => id("$r_", name);

/** The path-stack slot `i` entries below the current object (whose own depth is the checker's parameter `n`). */
export const depth = (i: number): Code => (i === 0 ? js`n` : js`n + ${i}`);

// ---- issues ----

/** Where a violation is, as the issue builders read it. */
export interface IssueSite {
  /** The pointer the violation is about (into the validated value, before mapping back to the input). */
  pointer: string;
  /** The spec's view of that place. */
  place: SpecPlace;
  /** The value at the pointer. */
  received: unknown;
  /** The resource validated, and the (normalized) value validated. */
  resource: string;
  value: unknown;
}

export type IssueBuilder<V extends Violation> = (violation: V, site: IssueSite) => Issue;

/** A family's issue builders, one per violation kind it reports. */
export type IssueBuilders<V extends Violation> = { [K in V["kind"]]: IssueBuilder<Extract<V, { kind: K }>> };
