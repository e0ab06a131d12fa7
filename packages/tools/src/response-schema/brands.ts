// Brand types users put in their TypeScript to say what plain TypeScript cannot. The converter recognises a brand
// by its shape (a primitive intersected with an object whose only property is `__brand`), not by import, so a
// structurally identical local declaration works too.

/**
 * A whole number. `type Age = Integer` or `count: Integer` becomes `{"type": "integer"}`.
 * At run time it is a plain number; make one with `n as Integer` after checking `Number.isInteger(n)`.
 */
export type Integer = number & { readonly __brand: "integer" };

/** Name of the brand property the converter looks for. */
export const BRAND_PROPERTY = "__brand";
