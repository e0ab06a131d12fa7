// What a body that is not what it should be most likely is, said in a phrase a message can end with. A response
// body that is no JSON value or no stream is nearly always something else's answer: a proxy's or gateway's HTML
// error page, a load balancer's plain-text line, an OpenAI-style gateway's `[DONE]` marker, or the raw text of a
// body the caller forgot to parse. Naming it saves the reader a trip to the bytes.

/** The first characters a phrase quotes, so that a message stays one readable line. */
const QUOTE_LENGTH = 30;

const HTML = /^<(?:!doctype\s+html|html|head|body|title|h1)\b/i;
const SSE_FIELD = /^(?:data|event|id|retry)(?::|\r?\n|\r|$)/;

/** `[DONE]`: the event OpenAI's streaming format ends with, relayed by OpenAI-compatible gateways in front of Gemini. */
export const DONE_MARKER = "[DONE]";

/**
 * What `text` (a whole body, or its first characters) looks like, for a body that is not the JSON value or the stream
 * it should be: "an HTML page, not JSON (a proxy or gateway error?)", "plain text starting \"upstream connect\"", ….
 */
export function looksLike(text: string): string {
  if (text.length === 0) return "the input is empty";
  const start = text.replace(/^[\uFEFF \t\r\n]+/, "");
  if (start.length === 0) return "the input holds only white space";
  if (HTML.test(start)) return "this is an HTML page, not JSON (a proxy or gateway error?)";
  if (start.startsWith("<")) return "this is markup (HTML or XML), not JSON";
  if (start.startsWith(DONE_MARKER)) return "this is the `[DONE]` marker that ends OpenAI-style streams, not JSON";
  if (SSE_FIELD.test(start) || start.startsWith(":")) return "this is a server-sent event stream, not one JSON value";
  const json = jsonKind(start);
  if (json) return `this is a JSON ${json}, not an object`;
  return `this is plain text, not JSON: it starts with ${quote(start)}`;
}

/**
 * For a string given where an object belongs: what the string holds when that explains the mistake (the body's
 * text passed without parsing it, an HTML error page, a stream), or undefined for an ordinary string.
 */
export function stringHint(value: string): string | undefined {
  const start = value.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) {
    try {
      JSON.parse(value);
      return "the string holds JSON text: parse it (JSON.parse) before validating";
    } catch {
      return undefined;
    }
  }
  if (HTML.test(start)) return "the string holds an HTML page (a proxy or gateway error?)";
  if (SSE_FIELD.test(start))
    return "the string holds a server-sent event stream: read it with parseGenerateContentStream";
  return undefined;
}

/** The JSON scalar a text starts with, if it is one whole (`null`, a number, a string, true or false). */
function jsonKind(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? undefined : typeof value;
}

function quote(text: string): string {
  const line = text.split(/\r?\n|\r/, 1)[0]!;
  return JSON.stringify(line.length > QUOTE_LENGTH ? `${line.slice(0, QUOTE_LENGTH)}…` : line);
}
