// Arrays: `type: array` with `items`, every item checked against it (repeated fields).
import { block, js } from "./code.ts";
import { IS_OF_TYPE, NOT_OF_TYPE, typeViolation } from "./json-types.ts";
import { onlyKeywords, type Check, type Compile, type NodeBase, type RawSchema, type ReadNested } from "./keyword.ts";
import type { SchemaNode } from "./nodes.ts";

export interface ArraySchemaNode extends NodeBase {
  kind: "array";
  items?: SchemaNode;
}

export function readArray(schema: RawSchema, owner: string, at: string, read: ReadNested): ArraySchemaNode {
  onlyKeywords(schema, ["type", "items"], at);
  const items = schema["items"] === undefined ? undefined : read(schema["items"], owner, `${at}/items`);
  return { kind: "array", ...(items && items.kind !== "anything" ? { items } : {}), owner, at };
}

export const checkArray: Check<ArraySchemaNode> = (node, data, path, run) => {
  if (!IS_OF_TYPE.array(data)) return typeViolation(run, path, "array");
  const items = node.items;
  if (items === undefined) return;
  const array = data as unknown[];
  // Holes read as undefined, as ajv's indexed loop reads them.
  for (let i = 0; i < array.length; i++) run.check(items, array[i], `${path}/${i}`);
};

/** An indexed loop; the index is the item's path segment and its order. */
export const compileArray: Compile<ArraySchemaNode> = (node, x, where, at, compiler) => {
  const out = [js`if (${NOT_OF_TYPE.array(x)}) return false;`];
  if (node.items === undefined) return out;
  const index = compiler.fresh("i");
  const item = compiler.fresh("e");
  const body = compiler.check(node.items, item, `${where}[]`, {
    keys: [...at.keys, index],
    ords: [...at.ords, index],
  });
  if (body.length > 0)
    out.push(
      block(js`for (let ${index} = 0; ${index} < ${x}.length; ${index}++)`, [
        js`const ${item} = ${x}[${index}];`,
        ...body,
      ]),
    );
  return out;
};
