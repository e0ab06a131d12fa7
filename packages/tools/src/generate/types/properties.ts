// One field as an interface property: its key, optionality, TS type and JSDoc.
import type { OptionalKind, PropertySignatureStructure, TypeParameterDeclarationStructure } from "ts-morph";
import type { FieldIR } from "../../spec/ir.ts";
import { fieldType, type FieldTypeContext } from "./field-types.ts";
import { fieldDoc, toJsDocs } from "./jsdoc.ts";
import { propertyKey } from "./names.ts";

export interface ResourceEmitContext extends FieldTypeContext {
  /** `[D extends Direction = "request"]` for generic resources, else empty. */
  typeParameters: OptionalKind<TypeParameterDeclarationStructure>[];
}

export function propertySignature(field: FieldIR, ctx: FieldTypeContext): OptionalKind<PropertySignatureStructure> {
  return {
    name: propertyKey(field.jsonName),
    hasQuestionToken: !field.required,
    type: fieldType(field, ctx),
    docs: toJsDocs(fieldDoc(field)),
  };
}
