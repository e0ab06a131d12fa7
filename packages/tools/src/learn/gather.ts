// Reading payloads and collecting what the spec does not explain in them. Each body is checked by the runtime in
// strict mode: there unknown fields and enum values are issues beside every other (lenient mode would stop at the
// first issue-level problem, a missing field, and drop the drift of that body). Each issue is then sorted by what
// would explain it: a field to add, an enum value to add, a "Required." to relax; nulls are listed apart (the
// runtime takes them as unset fields); whatever no overlay correction can explain stays "unexplained".
import type { Issue } from "@gemini-typekit/runtime";
import type { SpecIR } from "../spec/ir.ts";
import { parsePointer } from "../util/json-pointer.ts";
import { readBodies, type Body } from "./bodies.ts";
import type { Inputs, PayloadFile } from "./inputs.ts";
import { ERROR_RESOURCE, type Side } from "./placement.ts";
import type { Problem } from "./problems.ts";
import { fieldAt, fieldByKey, nullFields } from "./spec-view.ts";

/** Where something shows: the file as evidence names it, the stream chunk, the JSON Pointer in that body. */
export interface Place {
  file: string;
  chunk?: number;
  pointer: string;
}

export interface Sighting {
  place: Place;
  side: Side | undefined;
}

export interface UnknownField {
  resource: string;
  /** The key as the payload spelled it. */
  key: string;
  sightings: (Sighting & { value: unknown })[];
}

export interface UnknownEnumValue {
  enumName: string;
  value: string;
  /** The field where it was seen, `Resource.field`. */
  field: string;
  sightings: Sighting[];
}

/** A finding that names a spec field (`Resource.field`) and where it shows. */
export interface FieldFinding {
  field: string;
  sightings: Sighting[];
  /** For things the spec explains already: the kind of correction that would have, had it not. */
  kind?: "addedField" | "addedEnumValue" | "relaxedRequired";
}

export interface Unexplained {
  code: string;
  spec?: string;
  /** The first message the runtime gave. */
  message: string;
  sightings: Sighting[];
}

export interface Gathered {
  files: number;
  bodies: number;
  unknownFields: Map<string, UnknownField>;
  unknownEnumValues: Map<string, UnknownEnumValue>;
  missingRequired: Map<string, FieldFinding>;
  nulls: Map<string, FieldFinding>;
  unexplained: Map<string, Unexplained>;
  /** Things the spec given already explains but the generated validators do not: `generate` has not run since. */
  explainedBySpec: Map<string, FieldFinding>;
  problems: Problem[];
}

/** Enum values a correction can add: the names a proto enum can have. */
export const ENUM_VALUE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A stream chunk holding only `error` is the error the stream ended with. */
const isErrorEnvelope = (v: unknown) => isObject(v) && Object.keys(v).length === 1 && "error" in v;

/** The resource a body is checked as: its file's, except for the error a stream ends with. */
export function bodyResource(file: PayloadFile, body: Body): string {
  return body.chunk !== undefined && file.resource !== ERROR_RESOURCE && isErrorEnvelope(body.value)
    ? ERROR_RESOURCE
    : file.resource;
}

function valueAt(value: unknown, pointer: string): unknown {
  let at = value;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(at)) at = at[Number(segment)];
    else if (isObject(at)) at = Object.prototype.hasOwnProperty.call(at, segment) ? at[segment] : undefined;
    else return undefined;
  }
  return at;
}

function remember<T extends { sightings: Sighting[] }>(
  map: Map<string, T>,
  key: string,
  make: () => T,
  sighting: T["sightings"][number],
): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = make()));
  entry.sightings.push(sighting);
}

export class Gatherer {
  readonly result: Gathered = {
    files: 0,
    bodies: 0,
    unknownFields: new Map(),
    unknownEnumValues: new Map(),
    missingRequired: new Map(),
    nulls: new Map(),
    unexplained: new Map(),
    explainedBySpec: new Map(),
    problems: [],
  };

  /** The runtime's validateResource, loaded when gathering starts. */
  private validate: typeof import("@gemini-typekit/runtime").validateResource | undefined;

  constructor(
    private readonly ir: SpecIR,
    private readonly knownToRuntime: (resource: string) => boolean,
  ) {}

  async gather(inputs: Inputs): Promise<Gathered> {
    ({ validateResource: this.validate } = await import("@gemini-typekit/runtime"));
    this.result.problems.push(...inputs.problems);
    for (const file of inputs.files) await this.readFile(file);
    return this.result;
  }

  private async readFile(file: PayloadFile): Promise<void> {
    this.result.files++;
    const { bodies, problems } = await readBodies(file);
    this.result.problems.push(...problems);
    for (const body of bodies) {
      const resource = bodyResource(file, body);
      if (!this.knownToRuntime(resource)) {
        this.result.problems.push({
          file: file.name,
          code: "unplaced",
          message: `the generated validators have no resource ${resource}: run generate`,
        });
        return;
      }
      this.result.bodies++;
      this.checkBody(file, body, resource);
    }
  }

  private checkBody(file: PayloadFile, body: Body, resource: string): void {
    const at = (pointer: string): Sighting => ({
      place: { file: file.name, ...(body.chunk !== undefined ? { chunk: body.chunk } : {}), pointer },
      side: file.side,
    });
    const nullPointers = new Set<string>();
    for (const n of nullFields(this.ir, resource, body.value)) {
      nullPointers.add(n.pointer);
      remember(this.result.nulls, n.field, () => ({ field: n.field, sightings: [] }), at(n.pointer));
    }
    const outcome = this.validate!(resource, body.value, "strict");
    if (outcome.ok) return;
    for (const issue of outcome.issues) {
      if (nullPointers.has(issue.pointer)) continue; // listed as a null field above
      this.sort(issue, valueAt(body.value, issue.pointer), at(issue.pointer));
    }
  }

  /** Files an issue under what would explain it; what nothing would stays unexplained. */
  private sort(issue: Issue, value: unknown, sighting: Sighting): void {
    const filed =
      (issue.code === "unknown-field" && this.unknownField(issue, value, sighting)) ||
      (issue.code === "unknown-enum-value" && this.unknownEnumValue(issue, value, sighting)) ||
      (issue.code === "missing-required" && this.missingRequired(issue, sighting));
    if (filed) return;
    const key = `${issue.code} ${issue.spec ?? ""}`;
    remember(
      this.result.unexplained,
      key,
      () => ({ code: issue.code, ...(issue.spec ? { spec: issue.spec } : {}), message: issue.message, sightings: [] }),
      sighting,
    );
  }

  /** An unknown field names its resource in `spec`; the spec given may know it (generate has not run since). */
  private unknownField(issue: Issue, value: unknown, sighting: Sighting): boolean {
    const resource = issue.spec ? this.ir.resources.get(issue.spec) : undefined;
    if (!resource || value === undefined) return false;
    const key = parsePointer(issue.pointer).at(-1) ?? "";
    const known = fieldByKey(resource, key);
    if (known) {
      const target = `${resource.name}.${known.jsonName}`;
      remember(
        this.result.explainedBySpec,
        target,
        () => ({ field: target, kind: "addedField" as const, sightings: [] }),
        sighting,
      );
    } else
      remember(
        this.result.unknownFields,
        `${resource.name}.${key}`,
        () => ({ resource: resource.name, key, sightings: [] }),
        { ...sighting, value },
      );
    return true;
  }

  /** An unknown enum value names its field in `spec`; only a name (not a number) can be added to the enum. */
  private unknownEnumValue(issue: Issue, value: unknown, sighting: Sighting): boolean {
    const found = issue.spec ? fieldAt(this.ir, issue.spec) : undefined;
    const e = found?.field.type === "enum" && found.field.ref ? this.ir.enums.get(found.field.ref) : undefined;
    if (!e || typeof value !== "string" || !ENUM_VALUE_NAME.test(value)) return false;
    const target = `${e.name}.${value}`;
    if (e.values.some((v) => v.name === value))
      remember(
        this.result.explainedBySpec,
        target,
        () => ({ field: target, kind: "addedEnumValue" as const, sightings: [] }),
        sighting,
      );
    else
      remember(
        this.result.unknownEnumValues,
        target,
        () => ({ enumName: e.name, value, field: issue.spec!, sightings: [] }),
        sighting,
      );
    return true;
  }

  private missingRequired(issue: Issue, sighting: Sighting): boolean {
    const path = issue.spec;
    const found = path ? fieldAt(this.ir, path) : undefined;
    if (!path || !found) return false;
    if (found.field.required)
      remember(this.result.missingRequired, path, () => ({ field: path, sightings: [] }), sighting);
    else
      remember(
        this.result.explainedBySpec,
        path,
        () => ({ field: path, kind: "relaxedRequired" as const, sightings: [] }),
        sighting,
      );
    return true;
  }
}
