// The named validator schemas the reference checker knows: a schema is known once a schema that reaches it is
// included (../linked.ts), and read into its node (../vocabulary/nodes.ts) when first reached.
import { LinkedRegistry, type LinkedData } from "../linked.ts";
import { read, type SchemaNode } from "../vocabulary/nodes.ts";

const schemas = /* @__PURE__ */ new LinkedRegistry((schema, name) => read(schema, name, `${name}.json`));

/** Makes `root` (a schema of packages/runtime/generated/validators/reference.js) and every schema it reaches known. */
export function includeSchemas(root: LinkedData): void {
  schemas.include(root);
}

/** A named schema's node; undefined when no included schema has the name. */
export function named(name: string): SchemaNode | undefined {
  return schemas.get(name);
}
