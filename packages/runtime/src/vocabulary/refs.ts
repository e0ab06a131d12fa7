// `$ref` to another named schema (a resource, an any type or an enum), and the schema that allows anything (`true`,
// or `{}`: google.protobuf.Value).
import { joined, js } from "./code.ts";
import {
  checkerOf,
  depth,
  onlyKeywords,
  support,
  unreadable,
  type Check,
  type Compile,
  type NodeBase,
  type RawSchema,
} from "./keyword.ts";

export interface RefSchemaNode extends NodeBase {
  kind: "ref";
  name: string;
}
export interface AnythingSchemaNode extends NodeBase {
  kind: "anything";
}

export function readRef(schema: RawSchema, owner: string, at: string): RefSchemaNode {
  onlyKeywords(schema, ["$ref"], at);
  const ref = schema["$ref"];
  if (typeof ref !== "string" || !ref.endsWith(".json")) unreadable(at, `unsupported $ref ${JSON.stringify(ref)}`);
  return { kind: "ref", name: ref.slice(0, -".json".length), owner, at };
}

export function readAnything(schema: RawSchema | true, owner: string, at: string): AnythingSchemaNode {
  if (schema !== true) onlyKeywords(schema, ["$id"], at);
  return { kind: "anything", owner, at };
}

/** The checker's dispatch follows refs before it dispatches (one frame less per level): this is never reached. */
export const checkRef: Check<RefSchemaNode> = (node, data, path, run) => run.check(node, data, path);

export const checkAnything: Check<AnythingSchemaNode> = () => undefined;

/**
 * An enum is inlined; a resource or any type is a call of its checker. The callee's depth is a parameter: the path
 * stack is written, never popped (a plain argument, where a shared counter would be read and written around every
 * call).
 */
export const compileRef: Compile<RefSchemaNode> = (node, x, where, at, compiler) => {
  const target = compiler.named(node.name, where);
  if (target.kind === "string") return compiler.check(target, x, `${where} → ${node.name}`, at);
  const [keys, orders] = [support("pathKeys"), support("pathOrder")];
  const push = at.keys.map((k, i) => js`${keys}[${depth(i)}] = ${k}; ${orders}[${depth(i)}] = ${at.ords[i]!};`);
  return [
    ...(push.length > 0 ? [joined(push, " ")] : []),
    js`if (!${checkerOf(node.name)}(${x}, ${depth(at.keys.length)})) return false;`,
  ];
};

export const compileAnything: Compile<AnythingSchemaNode> = () => [];
