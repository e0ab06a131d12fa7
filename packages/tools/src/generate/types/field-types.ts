// The TypeScript type of a field. Dispatch is a Record over every IR field type, so a new wire type in the IR is a
// compile error here until it is given a TS type.
import type { FieldType, ScalarType } from "../../spec/layers.ts";
import type { FieldIR, SpecIR } from "../../spec/ir.ts";

/** How a resource's fields refer to enums and to other resources: depends on the side the resource is on. */
export type TypeDirection = "request" | "response" | "generic";

export interface FieldTypeContext {
  direction: TypeDirection;
  /** Resources and any types that take the `D extends Direction` parameter. */
  generic: ReadonlySet<string>;
}

/** The names the IR marks generic (ResourceWireFacts.generic, AnyTypeIR.generic), for looking refs up by name. */
export function genericNames(ir: SpecIR): ReadonlySet<string> {
  return new Set([...ir.resources.values(), ...ir.anyTypes.values()].filter((x) => x.generic).map((x) => x.name));
}

export const SCALAR_TS_TYPES: Record<ScalarType, string> = {
  string: "string",
  boolean: "boolean",
  int32: "number",
  uint32: "number",
  float: "number",
  double: "number",
  // 64-bit integers travel as decimal strings in JSON, so a number would lose precision or fail to parse.
  int64: "string",
  uint64: "string",
  bytes: "string",
  timestamp: "string",
  duration: "string",
  fieldMask: "string",
  value: "unknown",
  struct: "Record<string, unknown>",
};

/** The type argument passed to a generic resource or to EnumOf from a resource on the given side. */
/** The direction parameter of a generic resource or any type, as a structure and as the text of a declaration. */
export const DIRECTION_TYPE_PARAMETER = { name: "D", constraint: "Direction", default: '"request"' };
export const DIRECTION_TYPE_PARAMETERS_TEXT = `<${DIRECTION_TYPE_PARAMETER.name} extends ${DIRECTION_TYPE_PARAMETER.constraint} = ${DIRECTION_TYPE_PARAMETER.default}>`;

const DIRECTION_ARGUMENT: Record<TypeDirection, string> = {
  request: '"request"',
  response: '"response"',
  generic: "D",
};

function enumType(name: string, ctx: FieldTypeContext): string {
  if (ctx.direction === "request") return name;
  if (ctx.direction === "response") return `${name} | (string & {})`;
  return `EnumOf<${name}, D>`;
}

/** How a resource is referred to from a declaration on the given side (a generic one gets its type argument). */
export function resourceType(name: string, ctx: FieldTypeContext): string {
  return ctx.generic.has(name) ? `${name}<${DIRECTION_ARGUMENT[ctx.direction]}>` : name;
}

function referenced(field: FieldIR): string {
  if (!field.ref) throw new Error(`types: field ${field.jsonName} of type ${field.type} names no ${field.type}`);
  return field.ref;
}

const ELEMENT_TYPES: Record<FieldType, (field: FieldIR, ctx: FieldTypeContext) => string> = {
  ...(Object.fromEntries(Object.entries(SCALAR_TS_TYPES).map(([type, ts]) => [type, () => ts])) as Record<
    ScalarType,
    () => string
  >),
  enum: (field, ctx) => enumType(referenced(field), ctx),
  ref: (field, ctx) => resourceType(referenced(field), ctx),
  // An any type is a union over its known messages; it is generic exactly when one of them is.
  any: (field, ctx) => resourceType(referenced(field), ctx),
};

export function fieldType(field: FieldIR, ctx: FieldTypeContext): string {
  const element = ELEMENT_TYPES[field.type](field, ctx);
  if (field.repeated) return element.includes("|") ? `(${element})[]` : `${element}[]`;
  if (field.map) return `Record<string, ${element}>`;
  return element;
}

/** The type argument generic resources receive from a resource on the given side. */
export function directionArgument(direction: TypeDirection): string {
  return DIRECTION_ARGUMENT[direction];
}

/** Whether the field's type depends on the direction parameter of a generic resource. */
export function usesDirection(field: FieldIR, ctx: FieldTypeContext): boolean {
  return (
    field.type === "enum" ||
    ((field.type === "ref" || field.type === "any") && field.ref !== undefined && ctx.generic.has(field.ref))
  );
}
