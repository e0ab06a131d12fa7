// The tools package's library entry: everything the `gemini-typekit` CLI does, as functions.
// - TypeScript types → Gemini response schemas (responseJsonSchema and the legacy responseSchema), the dialect
//   converters, the response-schema linter and schema → TypeScript;
// - the spec: loading, statistics, importing a new upstream Discovery document, generating types and validators.
// Payload validation lives in the runtime package, @gemini-typekit/runtime.
export * from "./response-schema/index.ts";
export { lintRequest, type LintRequestOptions } from "./request/lint-request.ts";
export { lintBatchFile } from "./request/batch-file.ts";
export { runGenerate, type GenerateOptions, type GenerateResult } from "./generate/run.ts";
export { runImport, type ImportOptions, type ImportResult } from "./import/run.ts";
export { loadSpec } from "./spec/load.ts";
export { specStats, formatStats } from "./spec/stats.ts";
export { coverage } from "./import/coverage.ts";
export { formatDiagnostic, type Diagnostic } from "./diagnostics.ts";
export { SHIPPED_SPEC_DIR } from "./paths.ts";
