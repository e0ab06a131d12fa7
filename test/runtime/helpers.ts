// Small helpers the runtime tests share.
import * as modelData from "../../packages/runtime/generated/model.ts";
import type { LinkedData } from "../../packages/runtime/src/linked.ts";
import {
  enumModel,
  includeModel,
  resourceModel,
  type EnumModel,
  type ResourceModel,
} from "../../packages/runtime/src/runtime-model.ts";

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

/** The model, whole: every resource and enum of packages/runtime/generated/model.ts by name. */
export interface WholeModel {
  resources: Record<string, ResourceModel>;
  enums: Record<string, EnumModel>;
}

let whole: WholeModel | undefined;

/**
 * Every resource and enum of the model, all included in the runtime's lookups (runtime-model.ts): tests call those lookups for
 * any resource directly, where the runtime includes a validator's own resource (and what it reaches) first.
 */
export function wholeModel(): WholeModel {
  if (whole) return whole;
  const entries = Object.values(modelData as Record<string, unknown>).filter(
    (v): v is LinkedData => v !== null && typeof v === "object" && typeof (v as LinkedData).json === "string",
  );
  for (const entry of entries) includeModel(entry);
  whole = { resources: {}, enums: {} };
  for (const { name } of entries) {
    const resource = resourceModel(name);
    if (resource) whole.resources[name] = resource;
    else whole.enums[name] = enumModel(name)!;
  }
  return whole;
}
