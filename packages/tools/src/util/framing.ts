// Which framing a payload text has: one JSON value, or a stream of them (SSE, a JSON array, NDJSON). Read the way
// `validate` reads files, and shared with `spec learn` so both split a file alike.

export type Framing = "json" | "sse" | "json-array" | "ndjson";

/** A first line an SSE stream can start with: a field (`data:`, `event:`, `id:`, `retry:`) or a comment (`:`). */
const SSE_LINE = /^(?:data|event|id|retry)?:/;

/**
 * The framing a stream's first bytes announce: `[` a JSON array, `{` NDJSON, an SSE field or comment line SSE;
 * anything else (nothing at all, text, an HTML page) is no stream.
 */
export function streamFraming(head: string): Exclude<Framing, "json"> | undefined {
  const first = /\S/.exec(head)?.[0];
  if (first === "[") return "json-array";
  if (first === "{") return "ndjson";
  return SSE_LINE.test(head.trimStart()) ? "sse" : undefined;
}

/**
 * What a whole text holds. A resource is always a JSON object, so a text that parses as one object is one value;
 * otherwise it is a stream, unless it starts like one object and its first line does not parse either (then it is
 * a broken JSON value, reported with its line and column). A text that is no stream is read as one JSON value, so
 * that whatever it is gets its issue.
 */
export function sniff(text: string): Framing {
  const framing = streamFraming(text);
  if (framing !== "ndjson") return framing ?? "json";
  try {
    JSON.parse(text);
    return "json";
  } catch {
    try {
      JSON.parse(text.trimStart().split(/\r?\n/, 1)[0] ?? "");
      return "ndjson";
    } catch {
      return "json";
    }
  }
}
