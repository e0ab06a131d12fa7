// The cumulative `maxItems` budget of the JSON Schema dialect. Gemini answers a bare INVALID_ARGUMENT, naming no
// field, once the `maxItems` values of one schema add up past a limit near 960 (googleapis/python-genai#2170):
//   1 array:  971 passed, 972 failed          8 arrays: 8×119 = 952 passed, 8×120 = 960 failed
//   950 passed as 1×950, 10×95 and 50×19;    980 and 1000 failed however they were spread.
// No single sum separates those (960 failed, 971 passed), so the model is: the budget is Σ maxItems over every
// subschema of the document (each written once, $defs included); an error where every observation failed (Σ ≥ 972,
// or Σ ≥ 960 over two or more arrays); a warning from 80 % of 960, saying so when Σ is in the band where
// observations disagree.
import { child, type LintDocument } from "./context.ts";
import type { Evidence, RuleDefinition } from "./rule.ts";

/** Every sum at or above this failed, in every distribution tried. */
export const BUDGET_ALWAYS_REJECTED = 972;
/** With two or more arrays, this sum already failed (8 × 120). */
export const BUDGET_REJECTED_SPREAD = 960;
/** 80 % of 960: warn from here on. */
export const BUDGET_WARN_FROM = 768;
/** The largest sum seen to pass over several arrays (8 × 119); above it the observations disagree. */
const BUDGET_PASSED_SPREAD = 952;

interface Contribution {
  pointer: string;
  value: number;
}

/** The maxItems of every subschema that has a numeric one. */
export function maxItemsContributions(doc: LintDocument): Contribution[] {
  const out: Contribution[] = [];
  for (const s of doc.subschemas) {
    const m = s.get("maxItems");
    if (m !== undefined && typeof m.value === "number" && Number.isFinite(m.value) && m.value > 0)
      out.push({ pointer: child(s.pointer, m.key), value: m.value });
  }
  return out;
}

const rejected = (sum: number, arrays: number) =>
  sum >= BUDGET_ALWAYS_REJECTED || (arrays >= 2 && sum >= BUDGET_REJECTED_SPREAD);

function describe(parts: Contribution[], sum: number): string {
  const largest = [...parts].sort((a, b) => b.value - a.value).slice(0, 3);
  const named = largest.map((p) => `#${p.pointer} = ${p.value}`).join(", ");
  return `the maxItems of this schema add up to ${sum} over ${parts.length} array${parts.length === 1 ? "" : "s"} (largest: ${named}${parts.length > largest.length ? ", …" : ""})`;
}

const EVIDENCE: readonly Evidence[] = [
  {
    kind: "error-message",
    message: "INVALID_ARGUMENT",
    source: "https://github.com/googleapis/python-genai/issues/2170",
    model: "gemini-3-flash-preview",
  },
  {
    kind: "error-message",
    message: "Request contains an invalid argument.",
    source: "https://github.com/vercel/ai/issues/21192",
    model: "gemini-3.8-flash",
  },
];
const HINT = "lower the maxItems bounds, or drop them and check the array lengths on the response yourself";

export const maxItemsBudget: RuleDefinition = {
  id: "schema.max-items-budget",
  severity: "error",
  dialects: ["responseJsonSchema"],
  targets: ["responseJsonSchema", "parametersJsonSchema"],
  summary: `The maxItems of one schema (every subschema, each counted once) add up to ${BUDGET_ALWAYS_REJECTED} or more, or to ${BUDGET_REJECTED_SPREAD} or more over two or more arrays: sums every reported test saw rejected (1 × 972, 8 × 120, 980, 1000) while 1 × 971 and 8 × 119 passed.`,
  evidence: EVIDENCE,
  check(doc, report) {
    const parts = maxItemsContributions(doc);
    const sum = parts.reduce((a, p) => a + p.value, 0);
    if (rejected(sum, parts.length))
      report(doc.base, `${describe(parts, sum)}; Gemini rejects such a schema with a bare INVALID_ARGUMENT`, HINT);
  },
};

export const maxItemsBudgetNear: RuleDefinition = {
  id: "schema.max-items-budget-near",
  severity: "warning",
  dialects: ["responseJsonSchema"],
  targets: ["responseJsonSchema", "parametersJsonSchema"],
  summary: `The maxItems of one schema add up to ${BUDGET_WARN_FROM} or more (80 % of ${BUDGET_REJECTED_SPREAD}) without reaching the sums schema.max-items-budget calls rejected.`,
  evidence: EVIDENCE,
  conflict: `Between ${BUDGET_PASSED_SPREAD + 1} and ${BUDGET_ALWAYS_REJECTED - 1} the observations disagree: one array of 971 passed while eight arrays of 120 (960) failed.`,
  check(doc, report) {
    const parts = maxItemsContributions(doc);
    const sum = parts.reduce((a, p) => a + p.value, 0);
    if (sum < BUDGET_WARN_FROM || rejected(sum, parts.length)) return;
    const band =
      sum > BUDGET_PASSED_SPREAD
        ? `; sums from ${BUDGET_PASSED_SPREAD + 1} to ${BUDGET_ALWAYS_REJECTED - 1} have both passed (1 × 971) and failed (8 × 120)`
        : "";
    report(
      doc.base,
      `${describe(parts, sum)}, close to the budget near ${BUDGET_REJECTED_SPREAD} past which Gemini rejects the schema${band}`,
      HINT,
    );
  },
};

export const MAX_ITEMS_RULES: readonly RuleDefinition[] = [maxItemsBudget, maxItemsBudgetNear];
