// The conversation a request carries (`contents`), read as turns: consecutive contents with the same role make one
// turn (lenient on purpose: no recording shows the API refusing a turn split over two contents, and
// ../shared/fixtures/real has user[functionResponse] followed by user[inlineData] answered 200). Each turn knows its
// function calls and function responses, so the conversation rules only compare neighbours.
import type { ContentView, FoundField, PartView } from "./view.ts";

export interface CallPart {
  part: PartView;
  call: FoundField;
}

export interface Turn {
  role: string;
  contents: ContentView[];
  calls: CallPart[];
  responses: CallPart[];
}

const partsWith = (contents: ContentView[], name: string): CallPart[] =>
  contents.flatMap((c) =>
    c.parts.flatMap((part) => {
      const call = part.get(name);
      return call ? [{ part, call }] : [];
    }),
  );

export function turnsOf(contents: readonly ContentView[]): Turn[] {
  const turns: Turn[] = [];
  for (const content of contents) {
    const last = turns.at(-1);
    if (last && last.role === content.role) last.contents.push(content);
    else turns.push({ role: content.role, contents: [content], calls: [], responses: [] });
  }
  for (const t of turns) {
    t.calls = partsWith(t.contents, "functionCall");
    t.responses = partsWith(t.contents, "functionResponse");
  }
  return turns;
}

/** A model turn that both calls and answers (server-side tools, e.g. MCP in js-genai recordings) needs no client response. */
export const answersItself = (t: Turn) => t.calls.length > 0 && t.responses.length > 0;

/** A user content with something other than function responses: where Google's docs say the current turn begins. */
export const isStandardUserContent = (c: ContentView) =>
  c.role === "user" && c.parts.some((p) => p.get("functionResponse") === undefined);

/** The name a function call or response part gives, when it is a string. */
export function nameOf(field: FoundField): string | undefined {
  const v = field.value;
  if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
  const name = v.name;
  return typeof name === "string" ? name : undefined;
}
