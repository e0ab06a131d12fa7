// JSDoc on TypeScript declarations: the comment becomes `description`, known tags become annotations or
// constraints, and constraint tags Gemini has no keyword for are reported (and dropped) instead of silently lost.
import { Node as TsNode, type JSDoc, type JSDocTag } from "ts-morph";
import { error, warning, type Diagnostic } from "../diagnostics.ts";
import type { Node, NodeKind, Origin } from "./ir.ts";

export interface DocTag {
  name: string;
  text: string;
  origin: Origin;
}

export interface DocInfo {
  description?: string;
  tags: DocTag[];
}

export function originOf(node: TsNode, path?: string): Origin {
  const sf = node.getSourceFile();
  const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
  return { file: sf.getFilePath(), line, column, ...(path !== undefined ? { path } : {}) };
}

function jsDocsOf(node: TsNode): JSDoc[] {
  return TsNode.isJSDocable(node) ? node.getJsDocs() : [];
}

function tagText(tag: JSDocTag): string {
  return (tag.getCommentText() ?? "").trim();
}

export function readDoc(node: TsNode | undefined, path: string): DocInfo {
  if (!node) return { tags: [] };
  const docs = jsDocsOf(node);
  const last = docs.at(-1);
  if (!last) return { tags: [] };
  const description = last.getDescription().trim();
  const tags = last.getTags().map((t) => ({ name: t.getTagName(), text: tagText(t), origin: originOf(t, path) }));
  return { ...(description ? { description } : {}), tags };
}

/** JSON Schema constraint keywords that Gemini's response schemas have no counterpart for. */
const UNSUPPORTED_CONSTRAINTS = new Set([
  "pattern",
  "minLength",
  "maxLength",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minProperties",
  "maxProperties",
  "uniqueItems",
  "const",
  "contains",
]);

type TagHandler = (node: Node, tag: DocTag, out: Diagnostic[]) => Node;

const where = (o: Origin) => {
  const { path: _p, ...loc } = o;
  return loc;
};
const pathNote = (o: Origin) => (o.path ? ` (at ${o.path})` : "");

function parseNumber(tag: DocTag, out: Diagnostic[], integerOnly: boolean): number | undefined {
  const value = Number(tag.text);
  if (tag.text === "" || !Number.isFinite(value) || (integerOnly && (!Number.isInteger(value) || value < 0))) {
    out.push(
      error(
        "jsdoc.bad-value",
        `@${tag.name} needs ${integerOnly ? "a non-negative integer" : "a number"}, got "${tag.text}"${pathNote(tag.origin)}`,
        where(tag.origin),
      ),
    );
    return undefined;
  }
  return value;
}

/** Apply `f` to the node if its kind is in `kinds`, else to the matching members of a union; report if none match. */
function onTargets(node: Node, kinds: readonly NodeKind[], tag: DocTag, out: Diagnostic[], f: (n: Node) => Node): Node {
  if (kinds.includes(node.kind)) return f(node);
  if (node.kind === "union" && node.options.some((o) => kinds.includes(o.kind))) {
    return { ...node, options: node.options.map((o) => (kinds.includes(o.kind) ? f(o) : o)) };
  }
  // A number tag on an array of numbers (`/** @integer */ ids: number[]`) is about the items.
  if (
    node.kind === "array" &&
    !kinds.includes("array") &&
    (kinds.includes(node.items.kind) || node.items.kind === "union")
  ) {
    return { ...node, items: onTargets(node.items, kinds, tag, out, f) };
  }
  out.push(
    error(
      "jsdoc.misplaced-tag",
      `@${tag.name} applies to ${kinds.join("/")} types, not to this ${node.kind}${pathNote(tag.origin)}`,
      where(tag.origin),
      node.kind === "ref" ? "put the tag on the declaration of the named type" : undefined,
    ),
  );
  return node;
}

const numberBound =
  (key: "minimum" | "maximum"): TagHandler =>
  (node, tag, out) => {
    const v = parseNumber(tag, out, false);
    return v === undefined
      ? node
      : onTargets(node, ["number", "integer"], tag, out, (n) => ({ ...n, meta: { ...n.meta, [key]: v } }));
  };

const itemsBound =
  (key: "minItems" | "maxItems"): TagHandler =>
  (node, tag, out) => {
    const v = parseNumber(tag, out, true);
    return v === undefined
      ? node
      : onTargets(node, ["array", "tuple"], tag, out, (n) => ({ ...n, meta: { ...n.meta, [key]: v } }));
  };

const toInteger = (n: Node): Node => {
  if (n.kind === "number") return { kind: "integer", meta: n.meta, ...(n.origin ? { origin: n.origin } : {}) };
  if (n.kind === "enum") return { ...n, type: "integer" };
  return n;
};

const TAGS: Record<string, TagHandler> = {
  title: (node, tag) => ({ ...node, meta: { ...node.meta, title: tag.text } }),
  description: (node, tag) => ({ ...node, meta: { ...node.meta, description: tag.text } }),
  minimum: numberBound("minimum"),
  maximum: numberBound("maximum"),
  minItems: itemsBound("minItems"),
  maxItems: itemsBound("maxItems"),
  format: (node, tag, out) =>
    onTargets(node, ["string"], tag, out, (n) => ({ ...n, meta: { ...n.meta, format: tag.text } })),
  integer: (node, tag, out) => {
    const isNumeric = (n: Node) =>
      n.kind === "number" || n.kind === "integer" || (n.kind === "enum" && n.type !== "string");
    if (node.kind === "enum" && node.values.some((v) => typeof v !== "number" || !Number.isInteger(v))) {
      out.push(
        error(
          "jsdoc.bad-value",
          `@integer on an enum with non-integer values${pathNote(tag.origin)}`,
          where(tag.origin),
        ),
      );
      return node;
    }
    if (isNumeric(node)) return toInteger(node);
    if (node.kind === "array" && isNumeric(node.items)) return { ...node, items: toInteger(node.items) };
    return onTargets(node, ["number", "integer"], tag, out, toInteger);
  },
};

/** Apply the description and tags of a declaration to the node converted from its type. */
export function applyDoc(node: Node, doc: DocInfo, out: Diagnostic[]): Node {
  let result: Node = doc.description ? { ...node, meta: { ...node.meta, description: doc.description } } : node;
  for (const tag of doc.tags) {
    const handler = TAGS[tag.name];
    if (handler) result = handler(result, tag, out);
    else if (UNSUPPORTED_CONSTRAINTS.has(tag.name)) {
      out.push(
        warning(
          "jsdoc.unsupported-constraint",
          `@${tag.name} has no counterpart in Gemini's response schema and is dropped; the model may return values outside it${pathNote(tag.origin)}`,
          where(tag.origin),
          "validate the constraint on the response yourself, or state it in the description",
        ),
      );
    }
    // Any other tag (@example, @deprecated, @see, …) is documentation only.
  }
  return result;
}
