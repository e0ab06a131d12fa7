// Subschemas applied to the value itself: `allOf`, `anyOf`, `oneOf`, `not`, and `if` with its companions `then` and
// `else`. A subschema's verdict may be "unknown" (it reached a keyword this checker does not enforce); a combinator
// then decides when the known verdicts suffice (one valid branch of anyOf) and otherwise passes the unknown on, never
// turning it into valid (`not` of an unknown is unknown).
import type { Keyword } from "./keywords.ts";
import {
  report,
  run,
  verdictOf,
  type Messages,
  type PreparedSchema,
  type Rule,
  type Scope,
  type SchemaError,
  type Verdict,
} from "./types.ts";

export type CombinatorKeyword = "allOf" | "anyOf" | "oneOf" | "not" | "if" | "then" | "else";

function branches(keyword: "allOf" | "anyOf" | "oneOf", value: unknown, scope: Scope): PreparedSchema[] {
  if (!Array.isArray(value)) return scope.invalid(keyword, "an array of schemas");
  return value.map((schema, i) => scope.inPlace(schema, keyword, i));
}

/** The errors of the branches whose verdict is unknown: what is passed on when the combinator cannot decide. */
const unknowns = (results: readonly SchemaError[][], verdicts: readonly Verdict[]) =>
  results.filter((_, i) => verdicts[i] === "unknown").flat();

export const combinatorRules: { [K in CombinatorKeyword]: Rule<Keyword> } = {
  not: {
    kind: "assert",
    holds: "schema",
    prepare(value, scope) {
      const node = scope.inPlace(value, "not");
      const path = scope.path("not");
      return (v, at, out) => {
        const errors = run(node, v, at);
        const verdict = verdictOf(errors);
        if (verdict === "valid") report(out, "not", at, path, {});
        else if (verdict === "unknown") out.push(...errors);
      };
    },
  },
  anyOf: {
    kind: "assert",
    holds: "schemas",
    prepare(value, scope) {
      const nodes = branches("anyOf", value, scope);
      const path = scope.path("anyOf");
      return (v, at, out) => {
        const results: SchemaError[][] = [];
        for (const node of nodes) {
          const errors = run(node, v, at);
          if (errors.length === 0) return;
          results.push(errors);
        }
        const verdicts = results.map(verdictOf);
        if (verdicts.includes("unknown")) out.push(...unknowns(results, verdicts));
        else {
          for (const errors of results) out.push(...errors);
          report(out, "anyOf", at, path, {});
        }
      };
    },
  },
  oneOf: {
    kind: "assert",
    holds: "schemas",
    prepare(value, scope) {
      const nodes = branches("oneOf", value, scope);
      const path = scope.path("oneOf");
      return (v, at, out) => {
        // Branch by branch until a second one passes (then it fails whatever the rest say, and ajv stops there too).
        const results: SchemaError[][] = [];
        const verdicts: Verdict[] = [];
        let first: number | undefined;
        for (const [i, node] of nodes.entries()) {
          const errors = run(node, v, at);
          const verdict = verdictOf(errors);
          if (verdict === "valid" && first !== undefined) {
            for (const failed of results) out.push(...failed);
            report(out, "oneOf", at, path, { passingSchemas: [first, i] });
            return;
          }
          if (verdict === "valid") first = i;
          results.push(errors);
          verdicts.push(verdict);
        }
        if (verdicts.includes("unknown")) out.push(...unknowns(results, verdicts));
        else if (first === undefined) {
          for (const errors of results) out.push(...errors);
          report(out, "oneOf", at, path, { passingSchemas: null });
        }
      };
    },
  },
  allOf: {
    kind: "assert",
    holds: "schemas",
    prepare(value, scope) {
      const nodes = branches("allOf", value, scope);
      return (v, at, out) => {
        for (const node of nodes) node.check(v, at, out);
      };
    },
  },
  if: {
    kind: "assert",
    holds: "schema",
    prepare(value, scope) {
      const condition = scope.inPlace(value, "if");
      const branch = (keyword: "then" | "else") =>
        scope.schema[keyword] === undefined ? undefined : scope.inPlace(scope.schema[keyword], keyword);
      const then = branch("then");
      const otherwise = branch("else");
      if (!then && !otherwise) return undefined;
      const path = scope.path("if");
      return (v, at, out) => {
        const test = run(condition, v, at);
        const verdict = verdictOf(test);
        if (verdict === "unknown") {
          out.push(...test);
          return;
        }
        const failingKeyword = verdict === "valid" ? "then" : "else";
        const node = verdict === "valid" ? then : otherwise;
        if (!node) return;
        const errors = run(node, v, at);
        out.push(...errors);
        if (verdictOf(errors) === "invalid") report(out, "if", at, path, { failingKeyword });
      };
    },
  },
  then: { kind: "companion", of: "if", holds: "schema" },
  else: { kind: "companion", of: "if", holds: "schema" },
};

export const combinatorMessages: Messages<"anyOf" | "oneOf" | "not" | "if"> = {
  anyOf: () => "must match a schema in anyOf",
  oneOf: () => "must match exactly one schema in oneOf",
  not: () => "must NOT be valid",
  if: ({ failingKeyword }) => `must match "${failingKeyword}" schema`,
};
