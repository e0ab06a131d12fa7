// Statements the types emitter writes as finished text, already in the form prettier gives them (2-space
// indentation, 120 columns), so they need neither ts-morph's printer nor prettier. Kept to shapes whose formatting is
// simple to state — enum unions and objects — and held to prettier's output by test/generate/types.test.ts.

/** A statement as its final text. */
export interface FormattedText {
  kind: "formatted";
  text: string;
}

export const PRINT_WIDTH = 120;

export const formatted = (text: string): FormattedText => ({ kind: "formatted", text });

/** Every non-empty line of `text` one level (2 spaces) deeper. */
export const indented = (text: string) =>
  text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");

/** An intersection type alias as prettier breaks it: on one line when it fits, else after each `&`, indented. */
export function intersectionAlias(head: string, parts: readonly string[]): string {
  const one = `${head} = ${parts.join(" & ")};`;
  if (one.length <= PRINT_WIDTH || parts.length < 2) return one;
  return `${head} = ${parts.map((p, i) => (i === 0 ? p : `  ${p}`)).join(" &\n")};`;
}

/**
 * A union type alias as prettier breaks it: `head = A | B;` on one line when it fits; else the union on the next line,
 * indented, when it fits there; else one member per line after a leading `|`.
 */
export function unionAlias(head: string, members: readonly string[]): string {
  const union = `${members.join(" | ")};`;
  if (head.length + 3 + union.length <= PRINT_WIDTH || members.length < 2) return `${head} = ${union}`;
  if (2 + union.length <= PRINT_WIDTH) return `${head} =\n  ${union}`;
  return `${head} =\n${members.map((m) => `  | ${m}`).join("\n")};`;
}

/** A JSON value of a data table (strings, numbers, booleans, null, arrays and objects of them). */
export type TableValue =
  string | number | boolean | null | readonly TableValue[] | { readonly [key: string]: TableValue };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** An object key as prettier writes it: bare when it is an identifier, quoted otherwise. */
export const objectKey = (key: string) => (IDENTIFIER.test(key) ? key : JSON.stringify(key));

function oneLineValue(value: TableValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(oneLineValue).join(", ")}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${objectKey(k)}: ${oneLineValue(v)}`).join(", ")} }`;
}

/**
 * A value as prettier prints it in an object literal: on the line it starts on when the rest of that line fits
 * (`used` characters stand before it, `after` after it), else one element or property per line, with trailing commas.
 */
export function tableValue(value: TableValue, indent: number, used: number, after: number): string {
  const one = oneLineValue(value);
  if (used + one.length + after <= PRINT_WIDTH || value === null || typeof value !== "object") return one;
  const inner = " ".repeat(indent + 2);
  const lines = Array.isArray(value)
    ? value.map((v) => `${inner}${tableValue(v, indent + 2, indent + 2, 1)},`)
    : Object.entries(value).map(([k, v]) => {
        const key = `${inner}${objectKey(k)}: `;
        return `${key}${tableValue(v, indent + 2, key.length, 1)},`;
      });
  if (lines.length === 0) return one;
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${lines.join("\n")}\n${" ".repeat(indent)}${close}`;
}
