// Maps: `type: object` with no properties, its `additionalProperties` the schema every value must match (map fields);
// without one, any object (google.protobuf.Struct).
import { encodeSegment } from "../runtime-model.ts";
import { block, js } from "./code.ts";
import { isJsonObject, NOT_OF_TYPE, typeViolation } from "./json-types.ts";
import {
  isRawSchema,
  onlyKeywords,
  support,
  unreadable,
  type Check,
  type Compile,
  type NodeBase,
  type RawSchema,
  type ReadNested,
} from "./keyword.ts";
import type { SchemaNode } from "./nodes.ts";

/** `{type: "object"}`, with the schema every value must match when it is a map. */
export interface MapSchemaNode extends NodeBase {
  kind: "map";
  values?: SchemaNode;
}

export function readMap(schema: RawSchema, owner: string, at: string, read: ReadNested): MapSchemaNode {
  onlyKeywords(schema, ["$id", "type", "additionalProperties"], at);
  const additional = schema["additionalProperties"];
  if (additional === undefined || additional === true) return { kind: "map", owner, at };
  if (!isRawSchema(additional)) return unreadable(at, "unsupported additionalProperties");
  const values = read(additional, owner, `${at}/additionalProperties`);
  return { kind: "map", ...(values.kind !== "anything" ? { values } : {}), owner, at };
}

export const checkMap: Check<MapSchemaNode> = (node, data, path, run) => {
  if (!isJsonObject(data)) return typeViolation(run, path, "object");
  const values = node.values;
  if (values === undefined) return;
  // Keys as ajv iterates them (for…in).
  for (const key in data) run.check(values, data[key], `${path}/${encodeSegment(key)}`);
};

/** A for…in loop; the escaped key is the value's path segment, its order 0 (entries are found in key order). */
export const compileMap: Compile<MapSchemaNode> = (node, x, where, at, compiler) => {
  const out = [js`if (${NOT_OF_TYPE.object(x)}) return false;`];
  if (node.values === undefined) return out;
  const key = compiler.fresh("k");
  const value = compiler.fresh("m");
  const body = compiler.check(node.values, value, `${where}{}`, {
    keys: [...at.keys, js`${support("escapeKey")}(${key})`],
    ords: [...at.ords, js`0`],
  });
  if (body.length > 0) out.push(block(js`for (const ${key} in ${x})`, [js`const ${value} = ${x}[${key}];`, ...body]));
  return out;
};
