// Small helpers the runtime tests share.

/** Freezes a value and everything under it, so any mutation throws (ES modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object" || Object.isFrozen(node)) continue;
    Object.freeze(node);
    for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
  }
  return value;
}

/** `wrap` applied `depth` times around `leaf`, built iteratively (no recursion, whatever the depth). */
export function nest(depth: number, wrap: (inner: unknown) => unknown, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

/** A JSON Pointer segment. */
export const seg = (key: string | number) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");
