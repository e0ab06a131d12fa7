// A request body seen the way the request rules need it: the GenerateContentRequest (or CachedContent) inside the
// linted value, its function declarations, its conversation and its GenerationConfig, each with the absolute JSON
// Pointer of where the input put it. Every field is read under its JSON name or its proto name (`functionCall` /
// `function_call`), since the protobuf JSON mapping accepts both, and a pointer keeps the key the input used.
// A repeated field sent as a single object (`"tools": {…}`, `"contents": {…}`, `"parts": {…}`) is read as a list of
// one: the API answered such requests 200 (pydantic-ai and cookbook recordings in ../shared/fixtures/real).
import { escapeSegment } from "../util/json-pointer.ts";
import { isObject, type Json, type JsonObject } from "../response-schema/json-schema-types.ts";

/** A field as the input spelled it, with its absolute pointer. */
export interface FoundField {
  key: string;
  value: Json;
  pointer: string;
}

export interface DeclarationView {
  declaration: JsonObject;
  pointer: string;
  get(name: string): FoundField | undefined;
}

export interface PartView {
  part: JsonObject;
  pointer: string;
  get(name: string): FoundField | undefined;
}

export interface ContentView {
  content: JsonObject;
  pointer: string;
  /** The role as sent ("user" when absent, as the API assumes for a single-turn request). */
  role: string;
  parts: PartView[];
}

export interface RequestView {
  /** The GenerateContentRequest / CachedContent object. */
  body: JsonObject;
  /** Its pointer inside the linted value: "" or "/request" for a batch line. */
  base: string;
  /** The model the request is for, when known (what the caller said, else body `model`); "models/" prefix removed. */
  model?: string;
  declarations: DeclarationView[];
  contents: ContentView[];
  generationConfig?: FoundField;
}

export const childPointer = (ptr: string, ...segs: (string | number)[]) =>
  ptr + segs.map((s) => `/${escapeSegment(s)}`).join("");

/** lowerCamel JSON name → proto snake_case name (`functionDeclarations` → `function_declarations`). */
export const protoName = (jsonName: string) => jsonName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Read `name` from an object under its JSON name, else its proto name. A null is no value: the protobuf JSON
 * mapping reads a field set to null as not set. */
export function findField(obj: JsonObject, name: string, pointer: string): FoundField | undefined {
  for (const key of new Set([name, protoName(name)])) {
    const value = obj[key];
    if (value !== undefined && value !== null) return { key, value, pointer: childPointer(pointer, key) };
  }
  return undefined;
}

/** The objects of a repeated field with their pointers; a single object stands for a list of one. */
export function itemsOf(field: FoundField | undefined): { value: JsonObject; pointer: string }[] {
  if (field === undefined) return [];
  if (Array.isArray(field.value))
    return field.value.flatMap((v, i) => (isObject(v) ? [{ value: v, pointer: childPointer(field.pointer, i) }] : []));
  return isObject(field.value) ? [{ value: field.value, pointer: field.pointer }] : [];
}

const getter = (obj: JsonObject, pointer: string) => (name: string) => findField(obj, name, pointer);

/** Where the request sits in the linted value: a batch line wraps it in `request`, countTokens in `generateContentRequest`. */
function unwrap(value: JsonObject): { body: JsonObject; base: string } {
  for (const wrapper of ["request", "generateContentRequest"]) {
    const found = findField(value, wrapper, "");
    if (found && isObject(found.value)) return { body: found.value, base: found.pointer };
  }
  return { body: value, base: "" };
}

export const modelId = (model: string) => model.replace(/^.*\bmodels\//, "");

export function viewRequest(value: JsonObject, model?: string): RequestView {
  const { body, base } = unwrap(value);
  const get = getter(body, base);
  const declarations = itemsOf(get("tools")).flatMap((tool) =>
    itemsOf(findField(tool.value, "functionDeclarations", tool.pointer)),
  );
  const contents = itemsOf(get("contents")).map(({ value: content, pointer }): ContentView => {
    const role = findField(content, "role", pointer)?.value;
    const parts = itemsOf(findField(content, "parts", pointer)).map(({ value: part, pointer: p }) => ({
      part,
      pointer: p,
      get: getter(part, p),
    }));
    return { content, pointer, role: typeof role === "string" ? role : "user", parts };
  });
  // The caller's model (from the URL it posts to) wins: the body's `model` is a path-bound field the URL overrides.
  const bodyModel = get("model")?.value;
  const chosen = model ?? (typeof bodyModel === "string" && bodyModel !== "" ? bodyModel : undefined);
  const config = get("generationConfig");
  return {
    body,
    base,
    ...(chosen ? { model: modelId(chosen) } : {}),
    declarations: declarations.map(({ value: declaration, pointer }) => ({
      declaration,
      pointer,
      get: getter(declaration, pointer),
    })),
    contents,
    ...(config ? { generationConfig: config } : {}),
  };
}
