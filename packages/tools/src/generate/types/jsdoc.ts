// JSDoc for generated declarations: the IR description, the behaviour flags as the sentences people know from the
// API reference ("Required.", "Output only."), the JSON wire format of types that are not what their TS type
// suggests, and @deprecated. One model feeds both ts-morph `docs` and hand-written object literal members.
import type { JSDocStructure, OptionalKind } from "ts-morph";
import type { FieldType } from "../../spec/layers.ts";
import type { FieldIR } from "../../spec/ir.ts";

export interface Doc {
  /** Paragraphs, in order; empty ones are dropped. */
  paragraphs: string[];
  /** true for a bare `@deprecated`; a string is the sentence written after the tag. */
  deprecated: boolean | string;
}

/** How a value of the type is written in JSON, where the TS type alone does not say it. */
const WIRE_FORMATS: Record<FieldType, string | undefined> = {
  string: undefined,
  boolean: undefined,
  int32: undefined,
  uint32: undefined,
  float: undefined,
  double: undefined,
  int64: "int64 as a decimal string",
  uint64: "uint64 as a decimal string",
  bytes: "base64 bytes",
  timestamp: "RFC 3339 timestamp",
  duration: 'Duration such as "3.5s"',
  fieldMask: "comma-separated field paths",
  value: "any JSON value",
  struct: "JSON object of any values",
  enum: undefined,
  ref: undefined,
  any: undefined,
};

const FLAG_SENTENCES: [keyof FieldIR & ("required" | "outputOnly" | "inputOnly" | "immutable"), string][] = [
  ["required", "Required."],
  ["outputOnly", "Output only."],
  ["inputOnly", "Input only."],
  ["immutable", "Immutable."],
];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The wire format sentence of a field, e.g. "Int64 as a decimal string." or "Items: RFC 3339 timestamp." */
export function wireFormatSentence(type: FieldType, container: "repeated" | "map" | "single"): string | undefined {
  const format = WIRE_FORMATS[type];
  if (!format) return undefined;
  if (container === "repeated") return `Items: ${format}.`;
  if (container === "map") return `Values: ${format}.`;
  return `${capitalize(format)}.`;
}

/** Says in one sentence that the spec departs from Google's Discovery document here, and on what ground. */
function correctionSentence(field: FieldIR): string | undefined {
  const c = field.corrected;
  if (!c) return undefined;
  if (c.kind === "addedField")
    return field.outputOnly
      ? "Not in Google's Discovery document; seen in API responses."
      : "Not in Google's Discovery document; seen in requests the API accepted.";
  if (c.kind === "relaxedRequired")
    return c.scope === "responses"
      ? "Upstream marks it required; responses omit it."
      : "Upstream marks it required; the API accepts requests without it.";
  return undefined;
}

export function fieldDoc(field: FieldIR): Doc {
  const flags = FLAG_SENTENCES.filter(([flag]) => field[flag]).map(([, sentence]) => sentence);
  if (field.inPath)
    flags.unshift("Also in the URL path, where it is required; the body may carry it too or leave it out.");
  const corrected = correctionSentence(field);
  if (corrected) flags.push(corrected);
  const container = field.repeated ? "repeated" : field.map ? "map" : "single";
  const wire = wireFormatSentence(field.type, container);
  const aliasNote = field.aliasOf
    ? `Another JSON name the API accepts for \`${field.aliasOf}\`; set only one of the two.`
    : field.aliases.length > 0
      ? `The API also accepts it as ${field.aliases.map((a) => `\`${a}\``).join(", ")}.`
      : "";
  return {
    paragraphs: [field.description, [...flags, wire ?? ""].filter(Boolean).join(" "), aliasNote],
    deprecated: field.deprecated,
  };
}

/** Keeps a description from closing the comment early or starting a line that JSDoc would read as a tag. */
function escape(text: string): string {
  return text.replaceAll("*/", "*\\/").replace(/^@/gm, "\\@");
}

function paragraphs(doc: Doc): string[] {
  return doc.paragraphs
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(escape);
}

export function isEmpty(doc: Doc): boolean {
  return !doc.deprecated && paragraphs(doc).length === 0;
}

function deprecatedTag(deprecated: true | string): { tagName: "deprecated"; text?: string } {
  return typeof deprecated === "string"
    ? { tagName: "deprecated", text: escape(deprecated) }
    : { tagName: "deprecated" };
}

/** For ts-morph `docs`. */
export function toJsDocs(doc: Doc): OptionalKind<JSDocStructure>[] {
  if (isEmpty(doc)) return [];
  const description = paragraphs(doc).join("\n\n");
  return [
    { description: description || undefined, tags: doc.deprecated ? [deprecatedTag(doc.deprecated)] : undefined },
  ];
}

/** For members written as text (object literals): a `/** … *\/` block ending with a newline, or "". */
export function jsDocText(doc: Doc): string {
  if (isEmpty(doc)) return "";
  const texts = paragraphs(doc);
  if (texts.length === 1 && !doc.deprecated) return `/** ${texts[0]} */\n`;
  const lines = texts.flatMap((p, i) => (i === 0 ? [p] : ["", p]));
  if (doc.deprecated) {
    const tag = deprecatedTag(doc.deprecated);
    lines.push(tag.text ? `@${tag.tagName} ${tag.text}` : `@${tag.tagName}`);
  }
  return `/**\n${lines.map((l) => (l ? ` * ${l}` : " *")).join("\n")}\n */\n`;
}
