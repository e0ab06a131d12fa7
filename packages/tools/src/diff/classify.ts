// From a structural change to a rule of the rule table. Each branch names the rule; the table gives the level.
import type { Change } from "../import/report.ts";
import type { Direction } from "./direction.ts";

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
