// google.protobuf.Any: an object with a string "@type", and `allOf` of `if` "@type" is this URL `then` that resource —
// the messages a known URL names are checked as those messages; an unknown URL is allowed.
import { block, indented, js, type Code } from "./code.ts";
import { isJsonObject, NOT_OF_TYPE, typeViolation } from "./json-types.ts";
import { wrongValueIssue } from "./issue-text.ts";
import {
  checkerOf,
  isRawSchema,
  onlyKeywords,
  unreadable,
  type Check,
  type Compile,
  type FastCompiler,
  type IssueBuilders,
  type NodeBase,
  type RawSchema,
  type ReadNested,
} from "./keyword.ts";
import type { SchemaNode } from "./nodes.ts";
import { checkObjectKeywords, readResource, type ResourceSchemaNode } from "./objects.ts";

/** google.protobuf.Any: `allOf` of if "@type" is this URL then that resource, beside its own object checks. */
export interface AnySchemaNode extends NodeBase {
  kind: "any";
  branches: readonly { url: string; then: SchemaNode }[];
  object: ResourceSchemaNode;
}

/** A google.protobuf.Any whose "@type" names a known message that is not valid as that message (branch `index`). */
export type AnyTypeViolation = { kind: "branch"; path: string; index: number };

export function readAnyType(schema: RawSchema, owner: string, at: string, read: ReadNested): AnySchemaNode {
  const branches = schema["allOf"];
  if (!Array.isArray(branches)) return unreadable(at, "allOf must be an array");
  const { allOf: _, ...rest } = schema;
  return {
    kind: "any",
    branches: branches.map((branch: unknown, i) => {
      const where = `${at}/allOf/${i}`;
      if (!isRawSchema(branch)) return unreadable(where, "unsupported allOf member");
      onlyKeywords(branch, ["if", "then"], where);
      const cond = branch["if"];
      const url =
        isRawSchema(cond) && isRawSchema(cond["properties"]) && isRawSchema(cond["properties"]["@type"])
          ? cond["properties"]["@type"]["const"]
          : undefined;
      // The one condition the schemas use: "@type" is present and equals a URL.
      if (
        typeof url !== "string" ||
        JSON.stringify(cond) !== JSON.stringify({ properties: { "@type": { const: url } }, required: ["@type"] })
      )
        return unreadable(where, "unsupported if");
      return { url, then: read(branch["then"], owner, `${where}/then`) };
    }),
    object: readResource(rest, owner, at, read),
    owner,
    at,
  };
}

export const checkAnyType: Check<AnySchemaNode> = (node, data, path, run) => {
  // Each branch applies when "@type" is its URL — and to any value that is not an object (`if` holds vacuously).
  for (const [i, { url, then }] of node.branches.entries()) {
    if (isJsonObject(data) && data["@type"] !== url) continue;
    const before = run.violations.length;
    run.check(then, data, path);
    if (run.violations.length > before) run.violations.push({ kind: "branch", path, index: i });
  }
  if (!isJsonObject(data)) return typeViolation(run, path, "object");
  checkObjectKeywords(node.object, data, path, run);
};

/** The fast path checks each any type in a function of its own (compileAnyTypeChecker), reached through a ref. */
export const compileAnyType: Compile<AnySchemaNode> = (_node, _x, where, _at, compiler) =>
  compiler.fail(where, "nested object schemas with properties are not supported");

/** The checker function of an any type: a string "@type", and the checker of the resource a known URL names. */
export function compileAnyTypeChecker(name: string, node: AnySchemaNode, compiler: FastCompiler): Code {
  const { object } = node;
  const typeField = object.properties[0];
  if (
    object.properties.length !== 1 ||
    typeField?.name !== "@type" ||
    typeField.node.kind !== "string" ||
    typeField.node.pattern !== undefined ||
    typeField.node.bytes ||
    typeField.node.const !== undefined ||
    typeField.node.values !== undefined ||
    object.required.join() !== "@type" ||
    object.closed ||
    object.oneofs.length > 0
  )
    compiler.fail(name, "unsupported any type schema");
  const cases: Code[] = [];
  const urls = new Set<string>();
  for (const { url, then } of node.branches) {
    if (urls.has(url)) compiler.fail(name, `type URL ${url} twice`);
    urls.add(url);
    if (then.kind !== "ref") compiler.fail(name, "an any type's branch must name a resource");
    compiler.named(then.name, name);
    cases.push(js`case ${url}:`, indented([js`return ${checkerOf(then.name)}(d, n);`]));
  }
  return block(js`function ${checkerOf(name)}(d, n)`, [
    js`if (${NOT_OF_TYPE.object(js`d`)}) return false;`,
    js`const t = d["@type"];`,
    js`if (${NOT_OF_TYPE.string(js`t`)}) return false;`,
    ...(cases.length > 0 ? [block(js`switch (t)`, cases)] : []),
    js`return true;`,
  ]);
}

export const anyTypeIssues: IssueBuilders<AnyTypeViolation> = {
  branch: (_, site) =>
    wrongValueIssue(
      site,
      "invalid-value",
      (received) => `${received} is not allowed here (not valid as the message its "@type" names)`,
    ),
};
