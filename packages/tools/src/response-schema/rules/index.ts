// The registry: every lint rule definition, in the order the rules page lists them. A module of rules exports its
// definitions as a list and adds one spread line here.
import { conversationRules } from "../../request/conversation-rules.ts";
import { COMPLEXITY_RULES } from "./complexity.ts";
import { cycleRules } from "./cycles.ts";
import { functionRules } from "./function.ts";
import { generationConfigRules } from "./generation-config.ts";
import { JSON_ENUM_RULES } from "./json-enums.ts";
import { keywordRules } from "./keywords.ts";
import { LEGACY_ENUM_RULES } from "./legacy-enums.ts";
import { LEGACY_STRUCTURE_RULES } from "./legacy-structure.ts";
import { MAX_ITEMS_RULES } from "./max-items-budget.ts";
import { refRules } from "./refs.ts";
import type { RuleDefinition } from "./rule.ts";
import { valueRules } from "./values.ts";

export const RULE_DEFINITIONS: readonly RuleDefinition[] = [
  ...keywordRules,
  ...valueRules,
  ...refRules,
  ...cycleRules,
  ...generationConfigRules,
  ...LEGACY_ENUM_RULES,
  ...LEGACY_STRUCTURE_RULES,
  ...JSON_ENUM_RULES,
  ...MAX_ITEMS_RULES,
  ...COMPLEXITY_RULES,
  // one line per module of rules: ...moduleRules,
  ...functionRules,
  ...conversationRules,
];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULE_DEFINITIONS.find((r) => r.id === id);
}
