// JavaScript as values, for emitters that generate code: a template tag that escapes whatever it interpolates, so
// no spec text (a property name, an enum value, a pattern) can end up as code. A `Code` is text the emitter wrote
// itself; anything else interpolated becomes a literal: a string its JSON string literal, a number its finite
// decimal form. Identifiers are checked when made (`id`). Blocks indent their bodies, so no emitter counts spaces.

export class Code {
  /** Only `js`, `id` and the combinators below make Code: its text is never spec data pasted in. */
  private constructor(readonly text: string) {}

  /** @internal the one way in, for this module's makers. */
  static of(text: string): Code {
    return new Code(text);
  }

  toString(): string {
    return this.text;
  }
}

/** What `js` may interpolate. */
export type Interpolated = Code | string | number | boolean | null;

function literal(value: Interpolated): string {
  if (value instanceof Code) return value.text;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`code: ${value} has no JavaScript literal`);
    return String(value);
  }
  if (typeof value === "boolean" || value === null) return String(value);
  throw new Error(`code: cannot interpolate ${typeof value}`);
}

/** JavaScript: the template's text as written, each interpolation as Code or a literal. */
export function js(strings: TemplateStringsArray, ...values: Interpolated[]): Code {
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) text += literal(values[i]!) + strings[i + 1]!;
  return Code.of(text);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** An identifier, checked; `parts` are joined as they are (`id("$r_", name)`). */
export function id(...parts: string[]): Code {
  const name = parts.join("");
  if (!IDENTIFIER.test(name)) throw new Error(`code: ${JSON.stringify(name)} is not an identifier`);
  return Code.of(name);
}

/** The parts, joined by `separator` (text the emitter wrote: ", ", " || "). */
export function joined(parts: readonly Code[], separator: string): Code {
  return Code.of(parts.map((p) => p.text).join(separator));
}

/** Statements one per line. */
export function lines(statements: readonly Code[]): Code {
  return Code.of(statements.map((s) => s.text).join("\n"));
}

const indent = (code: Code) =>
  code.text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");

/** The statements, one level deeper (a `case` label's body). */
export function indented(body: readonly Code[]): Code {
  return Code.of(
    body
      .map(indent)
      .filter((t) => t !== "")
      .join("\n"),
  );
}

/** `head {`, the body indented one level, `}` (or `close`). */
export function block(head: Code, body: readonly Code[], close: Code = Code.of("}")): Code {
  const inner = body.map(indent).filter((t) => t !== "");
  return Code.of([`${head.text} {`, ...inner, close.text].join("\n"));
}
