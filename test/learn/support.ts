// Helpers of the `spec learn` tests: running the CLI in-process, the fixture cases under test/learn/fixtures, and
// the strict check that decides whether a spec explains a payload (the spec's strict JSON Schemas compiled by ajv).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";
import { allSchemas, schemaId } from "../../packages/tools/src/generate/json-schema.ts";
import { readBodies } from "../../packages/tools/src/learn/bodies.ts";
import { bodyResource } from "../../packages/tools/src/learn/gather.ts";
import { inputsFromManifest, inputsFromPaths } from "../../packages/tools/src/learn/inputs.ts";
import { fieldByKey, resourceSides } from "../../packages/tools/src/learn/spec-view.ts";
import type { FieldIR, SpecIR } from "../../packages/tools/src/spec/ir.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

export const SPEC_DIR = join(PROJECT_ROOT, "spec");
// Not under test/fixtures/: that folder holds the curated API payloads its manifest lists, one by one.
export const CASES_DIR = join(PROJECT_ROOT, "test", "learn", "fixtures");
export const UPDATE = process.env["UPDATE_FIXTURES"] === "1";

export async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export interface LearnCase {
  name: string;
  dir: string;
  about: string;
  args: string[];
}

export function learnCases(): LearnCase[] {
  return readdirSync(CASES_DIR)
    .filter((name) => existsSync(join(CASES_DIR, name, "case.json")))
    .sort()
    .map((name) => {
      const { about, args } = JSON.parse(readFileSync(join(CASES_DIR, name, "case.json"), "utf8")) as {
        about: string;
        args: string[];
      };
      return { name, dir: join(CASES_DIR, name), about, args };
    });
}

/** The JSON bodies of a case's payloads, each with the resource learn checks it as, read as learn reads them. */
export async function caseBodies(
  c: LearnCase,
  ir: SpecIR,
): Promise<{ where: string; resource: string; value: unknown }[]> {
  const inputs =
    c.args[0] === "--manifest"
      ? await inputsFromManifest(c.dir, c.args[1]!, ir)
      : await inputsFromPaths(c.dir, c.args[0]!, c.args.slice(1), resourceSides(ir));
  const out: { where: string; resource: string; value: unknown }[] = [];
  for (const file of inputs.files) {
    const { bodies } = await readBodies(file);
    for (const body of bodies)
      out.push({
        where: `${file.name}${body.chunk !== undefined ? ` chunk ${body.chunk}` : ""}`,
        resource: bodyResource(file, body),
        value: body.value,
      });
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A body as the runtime reads it before checking it, along the given spec: a field sent under its proto name is
 * renamed to its JSON name, and a field set to null is unset (dropped). Unknown keys stay, so the schemas see them.
 */
export function normalize(ir: SpecIR, resource: string, value: unknown): unknown {
  const r = ir.resources.get(resource);
  if (!r || !isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    const field = fieldByKey(r, key);
    out[field && field.protoName === key ? field.jsonName : key] = field ? normalizeField(ir, field, v) : v;
  }
  return out;
}

function normalizeField(ir: SpecIR, field: FieldIR, value: unknown): unknown {
  const element = (v: unknown) => (field.type === "ref" && field.ref ? normalize(ir, field.ref, v) : v);
  if (field.repeated && Array.isArray(value)) return value.map(element);
  if (field.map && isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, element(v)]));
  return element(value);
}

/** Strict validators of a spec, by resource name: what "the spec explains this payload" means. */
export function strictValidators(ir: SpecIR): (resource: string) => ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const s of allSchemas(ir, "strict").values()) ajv.addSchema(s);
  return (resource) => ajv.getSchema(schemaId(resource, "strict"))!;
}
