// From violations to the library's issues: a stable code, a sentence, expected vs received, the spec field that
// decides, and the pointer as the input spelled it. The schemas know the keyword; the model
// (packages/runtime/generated/model.ts) knows the spec, so the message can say "int64 as a decimal string" instead of
// "must match pattern ^-?[0-9]{1,19}$". Each keyword family builds the issues of its violations (./vocabulary/).
import type { Issue } from "./result.ts";
import { encodeSegment, locate, splitPointer } from "./runtime-model.ts";
import { issueOf } from "./vocabulary/issues.ts";
import type { Violation } from "./vocabulary/violations.ts";

const hasOwn = Object.prototype.hasOwnProperty;

export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of splitPointer(pointer)) {
    if (node === null || typeof node !== "object" || !hasOwn.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The pointer a violation is about: a missing or unknown property's own, else the value's. */
export function violationPointer(v: Violation): string {
  return "property" in v ? `${v.path}/${encodeSegment(v.property)}` : v.path;
}

export interface IssueContext {
  /** The resource the validated value is an instance of. */
  resource: string;
  /** The validated (normalized) value: where the violations' pointers point. */
  value: unknown;
  /** Maps a pointer into the normalized value to one into the input as given. */
  toOriginal: (pointer: string) => string;
}

function issueFromViolation(v: Violation, ctx: IssueContext): Issue {
  const pointer = violationPointer(v);
  const place = locate(ctx.resource, splitPointer(pointer), ctx.value);
  const received = valueAt(ctx.value, pointer);
  const issue = issueOf(v, { pointer, place, received, resource: ctx.resource, value: ctx.value });
  issue.pointer = ctx.toOriginal(issue.pointer);
  if (issue.expected === undefined) delete issue.expected;
  if (issue.received === undefined) delete issue.received;
  if (issue.spec === undefined) delete issue.spec;
  return issue;
}

/**
 * Violations as issues: one per problem. A value of the wrong type also fails the checks meant for the right type —
 * an enum's value list — so that goes when a type error is at the same place. A value checked by several schemas at
 * once (each `then` branch of an Any applies to a non-object) gives the same violation several times: keep the first.
 */
export function issuesFromViolations(violations: readonly Violation[], ctx: IssueContext): Issue[] {
  const typeErrorAt = new Set(violations.filter((v) => v.kind === "type").map((v) => v.path));
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const v of violations) {
    if (v.kind === "enum" && typeErrorAt.has(v.path)) continue;
    const issue = issueFromViolation(v, ctx);
    const key = `${issue.pointer}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}
