// The validator schemas (packages/runtime/generated/validators/reference.js: the lenient ones, one JSON text per named
// schema) read into typed nodes, one kind per shape the schemas take, each kind the node of one keyword family of
// this folder. This is the one reading of those schemas, shared by the reference checker (../reference/) and the
// fast-path compiler (packages/tools/src/generate/validators/fast.ts, through the package's "./vocabulary" export):
// a keyword no family reads throws here, naming the schema, so a schema change that needs a new keyword can be
// neither compiled nor checked silently wrong.
import { readAnyType, type AnySchemaNode } from "./any-types.ts";
import { readArray, type ArraySchemaNode } from "./arrays.ts";
import { isRawSchema, unreadable } from "./keyword.ts";
import { readMap, type MapSchemaNode } from "./maps.ts";
import { isResourceSchema, readResource, type ResourceSchemaNode } from "./objects.ts";
import { readAnything, readRef, type AnythingSchemaNode, type RefSchemaNode } from "./refs.ts";
import { readInteger, readScalar, type IntegerSchemaNode, type ScalarSchemaNode } from "./scalars.ts";
import { readString, type StringSchemaNode } from "./strings.ts";

export type {
  AnySchemaNode,
  AnythingSchemaNode,
  ArraySchemaNode,
  IntegerSchemaNode,
  MapSchemaNode,
  RefSchemaNode,
  ResourceSchemaNode,
  ScalarSchemaNode,
  StringSchemaNode,
};

export type SchemaNode =
  | RefSchemaNode
  | AnythingSchemaNode
  | ScalarSchemaNode
  | IntegerSchemaNode
  | StringSchemaNode
  | ArraySchemaNode
  | MapSchemaNode
  | ResourceSchemaNode
  | AnySchemaNode;

export type SchemaNodeKind = SchemaNode["kind"];

/** Reads one schema (refs stay names); throws on a keyword no family reads. */
export function read(schema: unknown, owner: string, at: string): SchemaNode {
  if (schema === true) return readAnything(schema, owner, at);
  if (!isRawSchema(schema)) return unreadable(at, `unsupported schema ${JSON.stringify(schema)}`);
  if (typeof schema["$id"] === "string") owner = /([^/]+)\.json$/.exec(schema["$id"])?.[1] ?? owner;
  if (schema["$ref"] !== undefined) return readRef(schema, owner, at);
  const type = schema["type"];
  switch (type) {
    case undefined:
      return readAnything(schema, owner, at);
    case "boolean":
    case "number":
      return readScalar(schema, type, owner, at);
    case "integer":
      return readInteger(schema, owner, at);
    case "string":
      return readString(schema, owner, at);
    case "array":
      return readArray(schema, owner, at, read);
    case "object":
      if (schema["allOf"] !== undefined) return readAnyType(schema, owner, at, read);
      return isResourceSchema(schema) ? readResource(schema, owner, at, read) : readMap(schema, owner, at, read);
    default:
      return unreadable(at, `unsupported type ${JSON.stringify(type)}`);
  }
}
