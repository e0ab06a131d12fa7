// The rules page (docs/lint-rules.md), generated from the rule definitions so it can never drift from them:
// what each rule finds, where it applies, how bad it is, and the evidence it rests on.
import { RULE_DEFINITIONS } from "./index.ts";
import { TARGET_DIALECT, TARGETS, type Evidence, type RuleDefinition } from "./rule.ts";

/** What each target is, for the page's table of targets. */
const TARGET_FIELDS: Record<string, string> = {
  responseJsonSchema:
    "`generationConfig.responseJsonSchema` (also `_responseJsonSchema`), `functionDeclarations[].responseJsonSchema`: a response or a function's result as JSON Schema",
  responseSchema: "`generationConfig.responseSchema`: the response as the legacy `Schema` message",
  parametersJsonSchema: "`functionDeclarations[].parametersJsonSchema`: a function's parameters as JSON Schema",
  parameters: "`functionDeclarations[].parameters`: a function's parameters as the legacy `Schema` message",
  response: "`functionDeclarations[].response`: a function's result as the legacy `Schema` message",
};

const DIALECT_NAMES: Record<string, string> = {
  responseJsonSchema: "JSON Schema subset",
  responseSchema: "legacy Schema",
};

/** One line of text: the page quotes messages and sentences inline. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim();
const link = (source: string) => (/^https?:\/\/\S+$/.test(source) ? `<${source}>` : source);
const code = (text: string) => {
  const ticks = text.includes("`") ? "``" : "`";
  return `${ticks}${ticks === "``" ? " " : ""}${text}${ticks === "``" ? " " : ""}${ticks}`;
};

export function formatEvidence(e: Evidence): string {
  switch (e.kind) {
    case "error-message":
      return `- **400 quoted**${e.model ? ` (${e.model})` : ""}: ${code(oneLine(e.message))} — ${link(e.source)}`;
    case "accepted": {
      const where = [...(e.files ?? []).map((f) => `\`${f}\``), ...(e.source ? [link(e.source)] : [])];
      return `- **Accepted (200)**: ${oneLine(e.what)}${where.length ? ` — ${where.join(", ")}` : ""}`;
    }
    case "reference":
      return `- **Google's reference**: “${oneLine(e.quote)}” — ${link(e.source)}`;
  }
}

function formatRule(rule: RuleDefinition): string[] {
  const lines = [
    `### \`${rule.id}\``,
    "",
    `**${rule.severity}** · ${rule.scope && rule.scope !== "schema" ? `on each ${rule.scope === "generationConfig" ? "GenerationConfig" : "request"} · ` : ""}dialects: ${rule.dialects.map((d) => DIALECT_NAMES[d] ?? d).join(", ")} · targets: ${rule.targets.map((t) => `\`${t}\``).join(", ")}`,
    "",
    oneLine(rule.summary),
    "",
  ];
  if (rule.conflict) lines.push(`**Evidence conflicts or is missing:** ${oneLine(rule.conflict)}`, "");
  lines.push("Evidence:", "", ...rule.evidence.map(formatEvidence), "");
  return lines;
}

/** The whole rules page, in Markdown. */
export function formatRulesPage(rules: readonly RuleDefinition[] = RULE_DEFINITIONS): string {
  const lines = [
    "# Lint rules",
    "",
    "<!-- Generated from the rule definitions (packages/tools/src/response-schema/rules); do not edit by hand.",
    "     Print it with `gemini-typekit lint-schema --rules`; test/lint/framework-page.test.ts keeps this file equal to it",
    "     (UPDATE_FIXTURES=1 rewrites it). -->",
    "",
    "`lint-schema` and `lint-request` check what a request sends against what the Gemini API does with it. Every rule",
    "rests on evidence, listed under it: a 400 the API returned, quoted as published; requests the API answered 200",
    "(recorded payloads in `../shared/fixtures/real`, or a public thread); or a sentence of Google's reference.",
    "",
    "- **error**: the API rejects the request: observed (a quoted 400), or stated as a rejection by Google.",
    "- **warning**: the API accepts it and ignores it, so the model may return more than the schema says; or the",
    "  evidence conflicts or is missing, which the rule then says.",
    "",
    "## Targets",
    "",
    "A schema is checked for the request field it is sent in; each field has its dialect's rules and its own.",
    "",
    "| target | dialect | field |",
    "|---|---|---|",
    ...TARGETS.map((t) => `| \`${t}\` | ${DIALECT_NAMES[TARGET_DIALECT[t]]} | ${TARGET_FIELDS[t]} |`),
    "",
    "## All rules",
    "",
    "| rule | severity | targets |",
    "|---|---|---|",
    ...rules.map(
      (r) =>
        `| [\`${r.id}\`](#${r.id.replace(/[^a-z0-9-]/g, "")}) | ${r.severity} | ${r.targets.map((t) => `\`${t}\``).join(", ")} |`,
    ),
    "",
    "## Rules",
    "",
    ...rules.flatMap(formatRule),
  ];
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
