// What validating one resource takes, and the resources by name. packages/runtime/generated/validate.ts hands each validator its own
// resource's parts by name in the source, so a bundle carries only the resources it validates. Looking a resource up
// by a name known only at run time (validateResource, the CLI) reaches every resource's parts instead: only bundles
// that call resourceByName carry them all.
import * as fastCheckers from "../generated/validators/fast.js";
import * as schemas from "../generated/validators/reference.js";
import * as models from "../generated/model.ts";
import { RESOURCE_NAMES } from "../generated/validators/names.ts";
import type { LinkedData } from "./linked.ts";
import { includeModel, resourceModel } from "./runtime-model.ts";
import type { Mode } from "./result.ts";
import type { FastCheck } from "./fast-path/verdict.ts";

export type { FastCheck };

export interface ResourceDefinition {
  readonly name: string;
  /** The default mode: strict for what users send (request bodies), lenient for what the API returns. */
  readonly mode: Mode;
  readonly fast: FastCheck;
  /** Its validator schema (packages/runtime/generated/validators/reference.js), linked to every schema it reaches. */
  readonly schema: LinkedData;
  /** Its model (packages/runtime/generated/model.ts), linked to every resource and enum it reaches. */
  readonly model: LinkedData;
}

let names: ReadonlySet<string> | undefined;
const definitions = new Map<string, ResourceDefinition>();

/** The resource of that name; undefined when no resource has it (enums, any types and prototype names included). */
export function resourceByName(name: string): ResourceDefinition | undefined {
  let definition = definitions.get(name);
  if (definition !== undefined || !(names ??= new Set<string>(RESOURCE_NAMES)).has(name)) return definition;
  const model = (models as unknown as Record<string, LinkedData>)[name]!;
  includeModel(model);
  definition = {
    name,
    mode: resourceModel(name)!.mode,
    fast: (fastCheckers as unknown as Record<string, FastCheck>)[name]!,
    schema: (schemas as unknown as Record<string, LinkedData>)[name]!,
    model,
  };
  definitions.set(name, definition);
  return definition;
}
