// Reading schema JSON for the schema commands: from a file or from stdin ("-"), with located syntax errors.
import { readFile } from "node:fs/promises";
import { error, type Diagnostic } from "../../diagnostics.ts";
import { parseJsonText } from "../../util/json-text.ts";
import type { CliIo } from "../command.ts";
import { inCwd } from "./shared.ts";

/** Strict: a schema file with invalid UTF-8 is refused (as a read error) rather than read with replacement characters. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

export async function readSchemaInput(
  io: CliIo,
  given: string,
): Promise<{ value?: unknown; file: string; diagnostics: Diagnostic[] }> {
  // yargs hands a lone "-" positional over as "".
  const path = given === "" ? "-" : given;
  const file = path === "-" ? "<stdin>" : path;
  let text: string;
  try {
    const input = path === "-" ? await (io.stdin ?? (async () => ""))() : await readFile(inCwd(io, path));
    text = typeof input === "string" ? input : UTF8.decode(input);
  } catch (e) {
    return {
      file,
      diagnostics: [error("io.read", `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, { file })],
    };
  }
  const parsed = parseJsonText(text, file);
  return parsed.ok ? { value: parsed.value, file, diagnostics: [] } : { file, diagnostics: [parsed.diagnostic] };
}
