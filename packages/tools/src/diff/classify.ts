// From a structural change to a rule of the rule table. Each branch names the rule; the table gives the level.
import type { Change } from "../import/report.ts";
import type { ImportedSpec } from "../spec/model.ts";
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
  if (c.kind === "added") return c.flags?.includes("required") && toRequest(d) && !c.flags.includes("outputOnly") ? "request-field-added-required" : "field-added";
  if (c.kind === "removed") return "field-removed";
  if (c.aspect === "type") return "field-type-changed";
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
    case "mediaUpload.accept":
    case "mediaUpload.protocols":
      return "method-upload-changed";
    case "mediaDownload":
      return "method-download-changed";
    default:
      return "unclassified-change";
  }
}

function parameterRule(c: Change): string {
  if (c.kind === "added") return c.detail?.startsWith("required ") ? "method-parameter-added-required" : "method-parameter-added";
  if (c.kind === "removed") return "method-parameter-removed";
  switch (c.aspect) {
    case "type":
    case "location":
      return "method-parameter-changed";
    case "required":
      return c.after === true ? "method-parameter-became-required" : "method-parameter-became-optional";
    case "pattern":
      return "method-parameter-pattern-changed";
    case "values":
      return "method-parameter-values-changed";
    default:
      return "unclassified-change";
  }
}

/** @param d the direction of the resource the change is in (or "none"). */
export function ruleFor(c: Change, d: Direction): string {
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
      if (c.kind === "added") return toResponse(d) || d === "none" ? "response-enum-value-added" : "request-enum-value-added";
      if (c.kind === "removed") return "enum-value-removed";
      return c.after === true ? "enum-value-deprecated" : "enum-value-undeprecated";
    case "union":
      return c.kind === "added" ? "oneof-added" : c.kind === "removed" ? "oneof-removed" : "oneof-members-changed";
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
    const rule = ruleFor(c, direction);
    return { ...c, rule, level: RULE_BY_ID.get(rule)!.level, direction };
  });
}

/** Classifies changes between two specs, judging directions on both sides together. */
export function classifyBetween(changes: Change[], specs: (ImportedSpec | undefined)[], publicName: (n: string) => string): ClassifiedChange[] {
  const resources = resourceDirections(specs, publicName);
  return classify(changes, { resources, fields: fieldDirections(specs, resources, publicName) });
}
