// From a structural change to a rule of the rule table. Each branch names the rule; the table gives the level.
import type { Change } from "../import/report.ts";
import { SCALAR_JSON_KINDS, SCALAR_TYPES, type ImportedSpec, type ScalarType } from "../spec/layers.ts";
import { fieldDirections, resourceDirections, type Direction } from "./direction.ts";
import { RULE_BY_ID, type Level } from "./rules.ts";

export interface ClassifiedChange extends Change {
  rule: string;
  level: Level;
  direction: Direction;
}

const toResponse = (d: Direction) => d === "response" || d === "both";
const toRequest = (d: Direction) => d === "request" || d === "both";

/** Upload sizes as numbers; "none" means no limit. */
const size = (v: unknown) => (v === "none" || v === undefined ? Number.POSITIVE_INFINITY : Number(v));

/** A comma-joined fact ("resumable,simple") as a set; "none" is empty. */
const listOf = (v: unknown) => new Set(typeof v === "string" && v !== "none" && v !== "" ? v.split(",") : []);
const lost = (before: unknown, after: unknown) => {
  const a = listOf(after);
  return [...listOf(before)].some((x) => !a.has(x));
};

const isScalar = (t: unknown): t is ScalarType =>
  typeof t === "string" && (SCALAR_TYPES as readonly string[]).includes(t);

/** Two described types ("int32", "bytes[]") that are different scalars of one JSON kind, in the same container. */
function sameJsonKind(before: unknown, after: unknown): boolean {
  const split = (t: unknown) =>
    typeof t === "string" && t.endsWith("[]") ? ([t.slice(0, -2), "[]"] as const) : ([t, ""] as const);
  const [a, ca] = split(before);
  const [b, cb] = split(after);
  return ca === cb && isScalar(a) && isScalar(b) && SCALAR_JSON_KINDS[a] === SCALAR_JSON_KINDS[b];
}

function flagRule(flag: string | undefined, on: boolean, d: Direction): string {
  switch (flag) {
    case "required":
      if (on) return d === "response" ? "response-field-became-required" : "request-field-became-required";
      return toResponse(d) ? "response-field-became-optional" : "request-field-became-optional";
    case "outputOnly":
      return on ? "field-became-output-only" : "field-no-longer-output-only";
    case "inputOnly":
      return on ? "field-became-input-only" : "field-no-longer-input-only";
    case "immutable":
      return "field-immutable-changed";
    case "deprecated":
      return on ? "field-deprecated" : "field-undeprecated";
    case "inPath":
      return "field-in-path-changed";
    default:
      return "unclassified-change";
  }
}

function fieldRule(c: Change, d: Direction): string {
  if (c.kind === "added")
    return c.flags?.includes("required") && toRequest(d) && !c.flags.includes("outputOnly")
      ? "request-field-added-required"
      : "field-added";
  if (c.kind === "removed") return "field-removed";
  if (c.aspect === "type") return sameJsonKind(c.before, c.after) ? "field-format-changed" : "field-type-changed";
  if (c.aspect === "protoName") return "field-proto-name-changed";
  return flagRule(c.aspect, c.after === true, d);
}

function methodRule(c: Change): string {
  if (c.kind !== "changed") return c.kind === "added" ? "method-added" : "method-removed";
  switch (c.aspect) {
    case "httpMethod":
    case "path":
      return "method-http-changed";
    case "flatPath":
      return "method-flat-path-changed";
    case "request":
      return "method-request-changed";
    case "response":
      return "method-response-changed";
    case "streaming":
      return "method-streaming-changed";
    case "parameterOrder":
      return "method-parameter-order-changed";
    case "mediaUpload.maxSize":
      return size(c.after) < size(c.before) ? "method-upload-limit-decreased" : "method-upload-limit-increased";
    case "mediaUpload.protocols":
      return lost(c.before, c.after) ? "method-upload-protocol-removed" : "method-upload-changed";
    case "mediaUpload.accept":
      return "method-upload-changed";
    case "mediaDownload":
      return "method-download-changed";
    default:
      return "unclassified-change";
  }
}

function parameterRule(c: Change): string {
  if (c.kind === "added")
    return c.detail?.startsWith("required ") ? "method-parameter-added-required" : "method-parameter-added";
  if (c.kind === "removed") return "method-parameter-removed";
  switch (c.aspect) {
    case "type":
      return sameJsonKind(c.before, c.after) ? "method-parameter-format-changed" : "method-parameter-changed";
    case "location":
      return "method-parameter-moved";
    case "required":
      return c.after === true ? "method-parameter-became-required" : "method-parameter-became-optional";
    case "pattern":
      return "method-parameter-pattern-changed";
    case "values":
      return lost(c.before, c.after) ? "method-parameter-value-removed" : "method-parameter-value-added";
    default:
      return "unclassified-change";
  }
}

/** What the older side had of a resource: its fields and its oneofs' members, to judge a oneof change by. */
export interface EarlierResource {
  fields: ReadonlySet<string>;
  unions: readonly (readonly string[])[];
}

/** Whether `members` makes two fields exclusive that the older side let a payload set together. */
function newlyExclusive(members: readonly string[], earlier: EarlierResource | undefined): boolean {
  if (!earlier) return false;
  const existing = members.filter((m) => earlier.fields.has(m));
  const together = (a: string, b: string) => earlier.unions.some((u) => u.includes(a) && u.includes(b));
  return existing.some((a, i) => existing.slice(i + 1).some((b) => !together(a, b)));
}

// Only a request's fields are written by code, so only there does a new exclusion stop code from compiling; on the
// response side (and for resources no method reaches, typed as responses) it is the strict validators that notice.
function unionRule(c: Change, d: Direction, earlier: EarlierResource | undefined): string {
  if (c.kind === "removed") return "oneof-removed";
  const breaks = newlyExclusive([...listOf(c.kind === "added" ? c.detail : c.after)], earlier);
  if (c.kind === "added")
    return !breaks ? "oneof-added-compatible" : toRequest(d) ? "oneof-added" : "response-oneof-added";
  return !breaks ? "oneof-members-relaxed" : toRequest(d) ? "oneof-members-changed" : "response-oneof-members-changed";
}

/**
 * @param d the direction of the resource the change is in (or "none").
 * @param earlier the older side's view of that resource, for oneof changes.
 */
export function ruleFor(c: Change, d: Direction, earlier?: EarlierResource): string {
  switch (c.subject) {
    case "service":
      return "revision-changed";
    case "resource":
      if (c.kind !== "changed") return c.kind === "added" ? "resource-added" : "resource-removed";
      if (c.aspect === "upstream name") return "resource-upstream-renamed";
      if (c.aspect === "deprecated") return c.after === true ? "resource-deprecated" : "resource-undeprecated";
      return "unclassified-change";
    case "field":
      return fieldRule(c, d);
    case "enum-value":
      if (c.kind === "added")
        return toResponse(d) || d === "none" ? "response-enum-value-added" : "request-enum-value-added";
      if (c.kind === "removed") return "enum-value-removed";
      return c.after === true ? "enum-value-deprecated" : "enum-value-undeprecated";
    case "union":
      return unionRule(c, d, earlier);
    case "method":
      return methodRule(c);
    case "parameter":
      return parameterRule(c);
  }
}

/** The resource a change is in: "Candidate" for "Candidate.finishReason#STOP", none for methods and the service. */
function resourceOf(c: Change): string | undefined {
  if (c.subject === "method" || c.subject === "parameter" || c.subject === "service") return undefined;
  return c.path.split(/[.#]/)[0];
}

/** The field a change is in: "Candidate.finishReason" for "Candidate.finishReason#STOP". */
function fieldOf(c: Change): string | undefined {
  return c.subject === "field" || c.subject === "enum-value" ? c.path.split("#")[0] : undefined;
}

export interface Directions {
  resources: ReadonlyMap<string, Direction>;
  fields: ReadonlyMap<string, Direction>;
  /** The older side's resources by public name (absent: judge oneofs as if nothing existed before). */
  earlier?: ReadonlyMap<string, EarlierResource>;
}

function directionOf(c: Change, directions: Directions): Direction {
  if (c.subject === "parameter") return "request";
  if (c.subject === "method") return "both";
  const field = fieldOf(c);
  if (field !== undefined && directions.fields.has(field)) return directions.fields.get(field)!;
  const resource = resourceOf(c);
  return resource === undefined ? "none" : (directions.resources.get(resource) ?? "none");
}

export function classify(changes: Change[], directions: Directions): ClassifiedChange[] {
  return changes.map((c) => {
    const direction = directionOf(c, directions);
    const resource = resourceOf(c);
    const rule = ruleFor(c, direction, resource === undefined ? undefined : directions.earlier?.get(resource));
    return { ...c, rule, level: RULE_BY_ID.get(rule)!.level, direction };
  });
}

/** Classifies changes between two specs, judging directions on both sides together. */
export function classifyBetween(
  changes: Change[],
  specs: (ImportedSpec | undefined)[],
  publicName: (n: string) => string,
): ClassifiedChange[] {
  const resources = resourceDirections(specs, publicName);
  const earlier = new Map(
    Object.values(specs[0]?.resources ?? {}).map((r) => [
      publicName(r.name),
      { fields: new Set(Object.keys(r.fields)), unions: (r.unions ?? []).map((u) => u.members) },
    ]),
  );
  return classify(changes, { resources, fields: fieldDirections(specs, resources, publicName), earlier });
}
