// Standard Schema v1 (https://standardschema.dev): the small interface that form libraries, tRPC, the AI SDK and
// others accept from any validation library. Declared here from the published spec (no package needed for it).
import { splitPointer } from "./runtime-model.ts";

export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaProps<Input, Output>;
}

export interface StandardSchemaProps<Input, Output> {
  readonly version: 1;
  readonly vendor: string;
  readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
  readonly types?: { readonly input: Input; readonly output: Output } | undefined;
}

export type StandardResult<Output> =
  { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly StandardIssue[] };

export interface StandardIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/** JSON Pointer → path segments (array indices become numbers), as Standard Schema wants them. */
export function pointerToPath(pointer: string): PropertyKey[] {
  return splitPointer(pointer).map((key) => (/^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key));
}
