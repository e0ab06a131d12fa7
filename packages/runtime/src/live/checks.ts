// The session rules' checks (their definitions and evidence are in rules.ts). They read messages as given — keys in
// either spelling (`toolResponse` or `tool_response`), pointers under the input's own keys — so they work whether or
// not the message's schema check passed.
import { encodeSegment } from "../runtime-model.ts";
import { LIVE_UNSUPPORTED_CONFIG_FIELDS } from "./rules.ts";

/** What the session remembers between messages. */
export interface SessionState {
  clientMessages: number;
  /** Ids of the function calls the server's toolCall messages asked for. */
  asked: Set<string>;
  /** Ids the server cancelled with toolCallCancellation. */
  cancelled: Set<string>;
}

export interface RuleFinding {
  rule: string;
  /** Default "invalid-value". */
  code?: "invalid-value" | "invalid-type";
  pointer: string;
  message: string;
}

export const CLIENT_MEMBERS = ["setup", "clientContent", "realtimeInput", "toolResponse"] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const hasOwn = Object.prototype.hasOwnProperty;

/** A field under its JSON name or its proto name: the key the input used, and the value (null reads as unset). */
export function field(object: unknown, name: string): [key: string, value: unknown] | undefined {
  if (!isObject(object)) return undefined;
  for (const key of [name, snake(name)])
    if (hasOwn.call(object, key) && object[key] !== null) return [key, object[key]];
  return undefined;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const at = (...segments: (string | number)[]) => segments.map((s) => `/${encodeSegment(String(s))}`).join("");

/** Client-message rules: setup first and once, one member, tool responses, function responses, setup's config. */
export function checkClientMessage(message: unknown, state: SessionState): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const first = state.clientMessages === 0;
  state.clientMessages++;
  if (!isObject(message)) return findings; // not an object at all: the schema check says so
  const setup = field(message, "setup");
  const members = CLIENT_MEMBERS.filter((m) => field(message, m) !== undefined);
  if (members.length === 0 && Object.keys(message).length === 0)
    findings.push({
      rule: "live.client-message-empty",
      pointer: "",
      message: "the client message sets none of setup, clientContent, realtimeInput, toolResponse",
    });
  if (first && !setup && members.length > 0)
    findings.push({
      rule: "live.setup-first",
      pointer: "",
      message: `the first client message is \`${members[0]}\`, not \`setup\`: the session is configured by the first client message`,
    });
  if (!first && setup)
    findings.push({
      rule: "live.setup-once",
      pointer: at(setup[0]),
      message: "`setup` in a client message other than the first: the server closes the session",
    });
  if (setup) findings.push(...checkSetupConfig(setup));
  const toolResponse = field(message, "toolResponse");
  if (toolResponse) findings.push(...checkToolResponse(toolResponse, state));
  const clientContent = field(message, "clientContent");
  if (clientContent) findings.push(...checkTurns(clientContent));
  return findings;
}

function checkSetupConfig([setupKey, setup]: [string, unknown]): RuleFinding[] {
  const config = field(setup, "generationConfig");
  if (!config || !isObject(config[1])) return [];
  const findings: RuleFinding[] = [];
  for (const name of LIVE_UNSUPPORTED_CONFIG_FIELDS) {
    const found = field(config[1], name);
    if (found)
      findings.push({
        rule: "live.setup-unsupported-config",
        pointer: at(setupKey, config[0], found[0]),
        message: `\`${found[0]}\` is a generation-config field the Live API does not support`,
      });
  }
  return findings;
}

function checkToolResponse([key, toolResponse]: [string, unknown], state: SessionState): RuleFinding[] {
  const responses = field(toolResponse, "functionResponses");
  if (!responses) return [];
  const findings: RuleFinding[] = [];
  list(responses[1]).forEach((response, i) => {
    const base = [key, responses[0], i] as const;
    const id = field(response, "id");
    if (id && typeof id[1] === "string") {
      if (state.cancelled.has(id[1]))
        findings.push({
          rule: "live.tool-response-cancelled-id",
          pointer: at(...base, id[0]),
          message: `function call ${JSON.stringify(id[1])} was cancelled by the server (toolCallCancellation)`,
        });
      else if (!state.asked.has(id[1]))
        findings.push({
          rule: "live.tool-response-unknown-id",
          pointer: at(...base, id[0]),
          message: `no toolCall of this session asked for function call ${JSON.stringify(id[1])}`,
        });
    }
    findings.push(...checkResponseValue(response, at(...base)));
  });
  return findings;
}

/** Function responses inside clientContent turns: the close quoted for the rule names exactly this place. */
function checkTurns([key, clientContent]: [string, unknown]): RuleFinding[] {
  const turns = field(clientContent, "turns");
  if (!turns) return [];
  const findings: RuleFinding[] = [];
  list(turns[1]).forEach((turn, t) => {
    const parts = field(turn, "parts");
    if (!parts) return;
    list(parts[1]).forEach((part, p) => {
      const response = field(part, "functionResponse");
      if (response) findings.push(...checkResponseValue(response[1], at(key, turns[0], t, parts[0], p, response[0])));
    });
  });
  return findings;
}

function checkResponseValue(functionResponse: unknown, pointer: string): RuleFinding[] {
  const response = field(functionResponse, "response");
  if (!response || isObject(response[1])) return [];
  const kind = Array.isArray(response[1]) ? "an array" : `a ${typeof response[1]}`;
  return [
    {
      rule: "live.function-response-not-object",
      code: "invalid-type",
      pointer: `${pointer}${at(response[0])}`,
      message: `a function response's \`response\` is ${kind}, not a JSON object: wrap it, e.g. {"result": …}`,
    },
  ];
}

/** Server messages feed the session's memory: the calls asked for, and those cancelled. */
export function observeServerMessage(message: unknown, state: SessionState): void {
  const toolCall = field(message, "toolCall");
  if (toolCall) {
    const calls = field(toolCall[1], "functionCalls");
    for (const call of list(calls?.[1])) {
      const id = field(call, "id");
      if (id && typeof id[1] === "string") state.asked.add(id[1]);
    }
  }
  const cancellation = field(message, "toolCallCancellation");
  if (cancellation)
    for (const id of list(field(cancellation[1], "ids")?.[1])) if (typeof id === "string") state.cancelled.add(id);
}
