// docs/lint-rules.md is generated from the rule definitions: this test fails when the committed page differs from
// formatRulesPage() (UPDATE_FIXTURES=1 rewrites it), and checks how each kind of evidence is shown.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatEvidence, formatRulesPage } from "../../packages/tools/src/response-schema/rules/page.ts";
import type { Evidence, RuleDefinition } from "../../packages/tools/src/response-schema/rules/rule.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

const PAGE = join(PROJECT_ROOT, "docs/lint-rules.md");

describe("docs/lint-rules.md", () => {
  it("equals formatRulesPage()", () => {
    const page = formatRulesPage();
    if (process.env.UPDATE_FIXTURES) writeFileSync(PAGE, page);
    expect(
      readFileSync(PAGE, "utf8"),
      "docs/lint-rules.md is stale: run UPDATE_FIXTURES=1 npx vitest run test/lint/framework-page.test.ts",
    ).toBe(page);
  });
});

describe("formatEvidence", () => {
  const CASES: [string, { given: Evidence; want: string }][] = [
    [
      "a quoted 400 with its model",
      {
        given: {
          kind: "error-message",
          message: "enum[0]: cannot be empty",
          source: "https://github.com/o/r/issues/1",
          model: "gemini-3-pro",
        },
        want: "- **400 quoted** (gemini-3-pro): `enum[0]: cannot be empty` — <https://github.com/o/r/issues/1>",
      },
    ],
    [
      "a message with a backtick",
      {
        given: { kind: "error-message", message: "a `b`", source: "https://x.test/1" },
        want: "- **400 quoted**: `` a `b` `` — <https://x.test/1>",
      },
    ],
    [
      "accepted files",
      {
        given: { kind: "accepted", what: "lower-case types", files: ["request/a.json"] },
        want: "- **Accepted (200)**: lower-case types — `request/a.json`",
      },
    ],
    [
      "a reference sentence over two lines",
      {
        given: { kind: "reference", quote: "One.\n  Two.", source: "Discovery, Schema.format" },
        want: "- **Google's reference**: “One. Two.” — Discovery, Schema.format",
      },
    ],
  ];
  it.each(CASES)("%s", (_name, { given, want }) => expect(formatEvidence(given)).toBe(want));

  it("shows a rule's conflict, severity and targets", () => {
    const rule: RuleDefinition = {
      id: "schema.example",
      severity: "warning",
      dialects: ["responseJsonSchema"],
      targets: ["parametersJsonSchema"],
      summary: "Finds examples.",
      evidence: [{ kind: "reference", quote: "q", source: "s" }],
      conflict: "No result either way.",
      check: () => {},
    };
    const page = formatRulesPage([rule]);
    expect(page).toContain(
      "### `schema.example`\n\n**warning** · dialects: JSON Schema subset · targets: `parametersJsonSchema`\n\nFinds examples.",
    );
    expect(page).toContain("**Evidence conflicts or is missing:** No result either way.");
    expect(page).toContain("| [`schema.example`](#schemaexample) | warning | `parametersJsonSchema` |");
  });
});
