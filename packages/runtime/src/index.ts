// @gemini-typekit/runtime: what users import in their own projects to check what they send to the Gemini API and
// what comes back. It needs nothing at run time but generated code. The generated types come with it, as types only
// (their enum constants, METHODS and isKnown are values: import them from "@gemini-typekit/runtime/types").
export type * from "../generated/types.ts";
export * from "../generated/validate.ts";
// createValidator stays internal: its definitions are generated data (generated/validate.ts makes every validator).
export {
  defaultMode,
  normalizeAs,
  validateResource,
  type ResourceValidator,
  type ValidateOptions,
} from "./validator.ts";
export {
  ValidationError,
  formatIssue,
  type Drift,
  DriftKind,
  type Issue,
  type IssueCode,
  type Mode,
  type ValidationResult,
} from "./result.ts";
export type { StandardSchemaV1 } from "./standard-schema.ts";
export type { Open } from "./open.ts";
export {
  parseStructuredOutput,
  type StructuredOutputOptions,
  type StructuredOutputResult,
} from "./structured-output.ts";
export {
  validateApiResponse,
  type ApiResponseOptions,
  type ApiResponseResult,
  type Validated,
} from "./api-response.ts";
export * from "./stream/index.ts";
export {
  aggregateGenerateContentStream,
  parseGenerateContentStream,
  type AggregatedStream,
  type GenerateStreamOptions,
} from "./generate-stream.ts";
export * from "./live/index.ts";
// Where a JSON text stops being JSON, also when JSON.parse does not say (the stream and Live readers use it too).
export { jsonErrorIndex, syntaxErrorIndex } from "./json-syntax.ts";
