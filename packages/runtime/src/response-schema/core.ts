// References and annotations. `$ref` applies the subschema it points to (refs.ts finds it) in place, next to the
// schema's other keywords (2020-12). `$defs` (and draft-07's `definitions`, which `$ref`s may point into) hold
// subschemas that only matter when referenced; `$id`, `$anchor` and `$dynamicAnchor` name places for references.
// `$dynamicRef` and `$recursiveRef` are not implemented: a value they apply to is reported as not checked.
// Annotations constrain nothing: the metadata vocabulary, the content vocabulary (ajv does not assert it either), and
// Gemini's `propertyOrdering`. A keyword in no table (`x-…`, OpenAPI's `example`, a typo) is an annotation too, as
// JSON Schema has unknown keywords, and as ajv (not strict) read them.
import type { Keyword } from "./keywords.ts";
import type { Messages, Rule } from "./types.ts";

export type CoreKeyword =
  | "$ref"
  | "$dynamicRef"
  | "$recursiveRef"
  | "$defs"
  | "definitions"
  | "$id"
  | "$anchor"
  | "$dynamicAnchor"
  | "$recursiveAnchor"
  | "$schema"
  | "$vocabulary"
  | "$comment";

export type AnnotationKeyword =
  | "title"
  | "description"
  | "default"
  | "examples"
  | "deprecated"
  | "readOnly"
  | "writeOnly"
  | "contentEncoding"
  | "contentMediaType"
  | "contentSchema"
  | "propertyOrdering";

const annotation: Rule<Keyword> = { kind: "annotation" };
const dynamic: Rule<Keyword> = { kind: "unenforced", appliesTo: () => true };

export const coreRules: { [K in CoreKeyword]: Rule<Keyword> } = {
  $ref: {
    kind: "assert",
    prepare(value, scope) {
      if (typeof value !== "string") return scope.invalid("$ref", "a string");
      const node = scope.ref(value);
      return (v, at, out) => node.check(v, at, out);
    },
  },
  $dynamicRef: dynamic,
  $recursiveRef: dynamic,
  $defs: { kind: "annotation", holds: "schemaMap" },
  definitions: { kind: "annotation", holds: "schemaMap" },
  $id: annotation,
  $anchor: annotation,
  $dynamicAnchor: annotation,
  $recursiveAnchor: annotation,
  $schema: annotation,
  $vocabulary: annotation,
  $comment: annotation,
};

export const annotationRules: { [K in AnnotationKeyword]: Rule<Keyword> } = {
  title: annotation,
  description: annotation,
  default: annotation,
  examples: annotation,
  deprecated: annotation,
  readOnly: annotation,
  writeOnly: annotation,
  contentEncoding: annotation,
  contentMediaType: annotation,
  contentSchema: { kind: "annotation", holds: "schema" },
  propertyOrdering: annotation,
};

export const coreMessages: Messages<"false schema" | "unenforced"> = {
  "false schema": () => "boolean schema is false",
  unenforced: ({ keyword, format }) =>
    `is not checked: the schema uses ${format === undefined ? `"${keyword}"` : `format "${format}"`}, which this checker does not enforce`,
};
