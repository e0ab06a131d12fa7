// The registry: every lint rule definition, in the order the rules page lists them. A module of rules exports its
// definitions as a list and adds one spread line here.
import { conversationRules } from "../../request/conversation-rules.ts";
import { functionRules } from "./function.ts";
import type { RuleDefinition } from "./rule.ts";

export const RULE_DEFINITIONS: readonly RuleDefinition[] = [
  // one line per module of rules: ...moduleRules,
  ...functionRules,
  ...conversationRules,
];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULE_DEFINITIONS.find((r) => r.id === id);
}
