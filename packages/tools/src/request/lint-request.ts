// lintRequest: check a whole GenerateContentRequest (or a CachedContent, or a batch line `{ "key"?, "request" }`)
// against what Gemini accepts. Its GenerationConfig goes through lintSchema's config handling, each schema of each
// function declaration is linted for the field it sits in, and the "request" rules look at declarations and the
// conversation. Findings are the same Diagnostics as lintSchema's, with pointers absolute within the linted value.
import { error, type Diagnostic } from "../diagnostics.ts";
import { isObject } from "../response-schema/json-schema-types.ts";
import { lintSchema, lintSchemaAt } from "../response-schema/lint.ts";
import { isGenerationConfig } from "../response-schema/rules/generation-config.ts";
import { RULE_DEFINITIONS } from "../response-schema/rules/index.ts";
import { runRule, type Target } from "../response-schema/rules/rule.ts";
import { requestDocument } from "./document.ts";
import { viewRequest, type DeclarationView, type RequestView } from "./view.ts";

export interface LintRequestOptions {
  /** File name to put in findings. */
  file?: string;
  /** The model the request is sent to (e.g. from the URL); overrides the body's `model`. Decides model-specific rules. */
  model?: string;
}

/** Each schema field of a FunctionDeclaration is linted for its own target. */
const DECLARATION_TARGETS: readonly Target[] = ["parameters", "parametersJsonSchema", "response", "responseJsonSchema"];

const rebase =
  (base: string) =>
  (d: Diagnostic): Diagnostic => ({ ...d, location: { ...d.location, pointer: base + (d.location.pointer ?? "") } });

function lintConfig(request: RequestView, file?: string): Diagnostic[] {
  const config = request.generationConfig;
  if (!config || !isGenerationConfig(config.value)) return [];
  return lintSchema(config.value, file ? { file } : {}).map(rebase(config.pointer));
}

function lintDeclarationSchemas(d: DeclarationView, file?: string): Diagnostic[] {
  return DECLARATION_TARGETS.flatMap((target) => {
    const field = d.get(target);
    return field ? lintSchemaAt(field.value, field.pointer, target, file) : [];
  });
}

function lintConversationAndDeclarations(request: RequestView, file?: string): Diagnostic[] {
  const doc = requestDocument(request, file);
  return RULE_DEFINITIONS.filter((r) => r.scope === "request").flatMap((r) => runRule(r, doc));
}

const byPointer = (a: Diagnostic, b: Diagnostic) =>
  (a.location.pointer ?? "") < (b.location.pointer ?? "")
    ? -1
    : (a.location.pointer ?? "") > (b.location.pointer ?? "")
      ? 1
      : 0;

export function lintRequest(body: unknown, options: LintRequestOptions = {}): Diagnostic[] {
  const { file, model } = options;
  if (!isObject(body))
    return [
      error(
        "request.not-object",
        "a request body must be a JSON object",
        { ...(file ? { file } : {}), pointer: "" },
        "lint the JSON object you POST to generateContent",
      ),
    ];
  const request = viewRequest(body, model);
  return [
    ...lintConfig(request, file),
    ...request.declarations.flatMap((d) => lintDeclarationSchemas(d, file)),
    ...lintConversationAndDeclarations(request, file),
  ].sort(byPointer);
}
