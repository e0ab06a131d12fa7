// Drift as the reference checker records it while it checks (and as the tests' ajv oracle records it): one typed
// record per unknown field or enum value, with the resource holding the field or the enum holding the value. drift.ts
// turns records into the library's Drift.
import type { DriftKind } from "./result.ts";

export { DriftKind } from "./result.ts";

export interface DriftRecord {
  kind: DriftKind;
  /** JSON Pointer of the unknown field or enum value, in the value as checked. */
  path: string;
  value: unknown;
  /** The resource whose object has the unknown field, or the enum the value is not in. */
  owner: string;
}
