// ajv as the independent oracle of the differential tests: every resource's strict and lenient validator, compiled
// in memory from the project's spec (validatorSchemas() with the oracle's ajv set-up: options and the keywords of
// ./ajv-keywords.ts). Nothing is generated for it: it is built at test time, once per
// process (vitest runs each test file in a worker of its own, so once per file that imports it), and each validator
// is compiled the first time a test asks for it.
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { schemaId } from "../../packages/tools/src/generate/json-schema.ts";
import { validatorSchemas } from "../../packages/tools/src/generate/validators/validator-schemas.ts";
import { validatorAjv, type AjvDriftRecord } from "./ajv-keywords.ts";
import { PROJECT_ROOT } from "./shared.ts";

export type Mode = "strict" | "lenient";
const MODES: readonly Mode[] = ["strict", "lenient"];

/** Something the spec does not know yet, accepted in lenient mode, as the lenient validators record it. */
export interface OracleDrift {
  /** JSON Pointer of the unknown field or enum value. */
  path: string;
  kind: "unknown-field" | "unknown-enum-value";
  value: unknown;
}

export interface OracleOutcome {
  valid: boolean;
  /** Every error (ajv runs with allErrors); empty when valid. */
  errors: ErrorObject[];
  /** Lenient mode only: what was accepted although the spec does not know it. */
  drift: OracleDrift[];
}

export interface AjvOracle {
  /** Per mode, per resource name: ajv's validator. */
  validators: Record<Mode, Record<string, ValidateFunction>>;
  /**
   * Where the lenient validators record drift while they check, as the runtime's typed drift records (kind, path,
   * value, and the resource or enum that does not know it). Records accumulate: empty it before a validation whose
   * drift you read.
   */
  driftSink: AjvDriftRecord[];
  /** One validation with its errors and drift (the sink emptied first). */
  run(resource: string, mode: Mode, value: unknown): OracleOutcome;
}

const driftOf = (sink: readonly AjvDriftRecord[]): OracleDrift[] =>
  sink.map(({ path, kind, value }) => ({ path, kind, value }));

async function compileOracle(): Promise<AjvOracle> {
  const { ir, diagnostics } = await loadSpec(join(PROJECT_ROOT, "spec"));
  if (!ir) throw new Error(`the ajv oracle needs a valid spec: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  const validators = {} as Record<Mode, Record<string, ValidateFunction>>;
  // The oracle's own sink, where its lenient validators record drift.
  const driftSink: AjvDriftRecord[] = [];
  for (const mode of MODES) {
    // One ajv instance per mode, as each mode's schemas have ids of their own.
    const ajv = validatorAjv({}, driftSink);
    for (const schema of validatorSchemas(ir, mode).values()) ajv.addSchema(schema as object);
    const byName: Record<string, ValidateFunction> = {};
    for (const name of ir.resources.keys()) {
      // ajv compiles a schema the first time it is asked for, and keeps it.
      Object.defineProperty(byName, name, {
        enumerable: true,
        get: () => {
          const validate = ajv.getSchema(schemaId(name, mode));
          if (!validate) throw new Error(`the ajv oracle has no ${mode} schema for ${name}`);
          return validate;
        },
      });
    }
    validators[mode] = byName;
  }
  return {
    validators,
    driftSink,
    run(resource, mode, value) {
      const validate = validators[mode][resource];
      if (!validate) throw new Error(`the ajv oracle has no resource ${resource}`);
      driftSink.length = 0;
      if (!validate(value)) return { valid: false, errors: [...(validate.errors ?? [])], drift: [] };
      return { valid: true, errors: [], drift: mode === "lenient" ? driftOf(driftSink) : [] };
    },
  };
}

let oracle: Promise<AjvOracle> | undefined;

/** The oracle of this process, compiled on first use. */
export function ajvOracle(): Promise<AjvOracle> {
  return (oracle ??= compileOracle());
}
