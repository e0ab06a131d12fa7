// Where a JSON text stops being JSON. JSON.parse says where for most errors ("… in JSON at position 12"), but V8
// leaves the position out of some ("Unexpected token ',', "[,]" is not valid JSON"); then the text is scanned again
// (RFC 8259) for its first character that is not JSON. Shared by the stream and Live frame readers and by the tools.

const WHITE_SPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/**
 * Where JSON.parse failed when its message gives no position (V8's "Unexpected token ',', … is not valid JSON" has
 * none): the index of the first character at which the text stops being JSON (RFC 8259), found by scanning it
 * again; the text's length when it ends too early. Only called on text JSON.parse has already refused.
 */
export function syntaxErrorIndex(text: string): number {
  let i = 0;
  const stop = (): never => {
    throw new SyntaxAt(i);
  };
  const skipWhiteSpace = () => {
    while (WHITE_SPACE.has(text[i]!)) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) stop();
    i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const c = text[i];
      if (c === undefined || c < " ") stop();
      i++;
      if (c === '"') return;
      if (c !== "\\") continue;
      if (text[i] === "u") {
        i++;
        for (let k = 0; k < 4; k++) {
          if (!isHex(text[i])) stop();
          i++;
        }
      } else if (ESCAPES.has(text[i]!)) i++;
      else stop();
    }
  };
  const digits = () => {
    if (!isDigit(text[i])) stop();
    while (isDigit(text[i])) i++;
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  const literal = (word: string) => {
    for (const c of word) expect(c);
  };
  const value = (): void => {
    skipWhiteSpace();
    const c = text[i];
    if (c === "{")
      return members("}", () => {
        string();
        skipWhiteSpace();
        expect(":");
        value();
      });
    if (c === "[") return members("]", value);
    if (c === '"') return string();
    if (c === "-" || isDigit(c)) return number();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    stop();
  };
  const members = (close: string, member: () => void) => {
    i++;
    skipWhiteSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      skipWhiteSpace();
      member();
      skipWhiteSpace();
      if (text[i] === close) {
        i++;
        return;
      }
      expect(",");
    }
  };
  try {
    value();
    skipWhiteSpace();
    return i < text.length ? i : text.length;
  } catch (e) {
    if (e instanceof SyntaxAt) return Math.min(e.index, text.length);
    return text.length; // nested too deeply to scan again: say where the text ends
  }
}

class SyntaxAt {
  constructor(readonly index: number) {}
}

/** The index where JSON.parse failed on `text`, from its message when it gives one, else by scanning again. */
export function jsonErrorIndex(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  return position ? Math.min(Number(position[1]), text.length) : syntaxErrorIndex(text);
}
