// `lint-request FILE`: lint a whole request body (GenerateContentRequest, CachedContent, or a batch line) the way
// `lint-schema` lints a schema: findings to stderr (or `--json` to stdout, same shape), exit 1 on any error.
// A Batch API input file (.jsonl, or --jsonl) is linted line by line, each finding carrying its line.
import { readFile } from "node:fs/promises";
import { defineCommand } from "../command.ts";
import { error, type Diagnostic } from "../../diagnostics.ts";
import type { CliIo } from "../command.ts";
import { decodeUtf8, lineColumn, parseJsonText } from "../../util/json-text.ts";
import { inCwd, reportFindings } from "./shared.ts";

/** The input as text; bytes that are not UTF-8 are refused, located at the first bad byte (line, column, offset). */
async function readText(io: CliIo, given: string): Promise<{ text?: string; file: string; diagnostics: Diagnostic[] }> {
  const path = given === "" ? "-" : given; // yargs hands a lone "-" over as ""
  const file = path === "-" ? "<stdin>" : path;
  let input: string | Uint8Array;
  try {
    input = path === "-" ? await (io.stdin ?? (async () => ""))() : await readFile(inCwd(io, path));
  } catch (e) {
    return {
      file,
      diagnostics: [error("io.read", `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, { file })],
    };
  }
  if (typeof input === "string") return { text: input, file, diagnostics: [] };
  const decoded = decodeUtf8(input);
  if (decoded.ok) return { text: decoded.text, file, diagnostics: [] };
  const before = new TextDecoder().decode(input.subarray(0, decoded.offset));
  const byte = `0x${decoded.byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return {
    file,
    diagnostics: [
      error(
        "io.utf8",
        `not valid UTF-8: byte ${byte} at offset ${decoded.offset}`,
        { file, ...lineColumn(before, before.length) },
        "save the file as UTF-8",
      ),
    ],
  };
}

export const lintRequestCommand = defineCommand({
  command: "lint-request <request>",
  describe:
    "Check a whole request body (GenerateContentRequest, CachedContent, batch line or .jsonl batch file; or - for stdin) against what Gemini accepts",
  builder: (y) =>
    y
      .positional("request", {
        type: "string",
        demandOption: true,
        describe: "JSON or .jsonl file, or - to read stdin",
      })
      .option("model", {
        type: "string",
        describe: "Model the request is sent to (e.g. gemini-3-flash-preview); overrides the body's model",
      })
      .option("jsonl", {
        type: "boolean",
        default: false,
        describe: "Read JSON Lines, one request or batch line per line (default for .jsonl files)",
      })
      .option("json", { type: "boolean", default: false, describe: "Print the findings as JSON" })
      .example("$0 lint-request body.json --model gemini-3-flash-preview", "")
      .example("$0 lint-request batch-input.jsonl --model gemini-2.5-flash", "")
      .example("cat body.json | $0 lint-request - --json", ""),
  run: async (args, io) => {
    const { lintRequest } = await import("../../request/lint-request.ts");
    const { lintBatchFile } = await import("../../request/batch-file.ts");
    const input = await readText(io, args.request);
    const options = { file: input.file, ...(args.model ? { model: args.model } : {}) };
    const lines = args.jsonl || input.file.endsWith(".jsonl");
    let findings: Diagnostic[] = input.diagnostics;
    if (input.text !== undefined && lines) findings = lintBatchFile(input.text, options);
    else if (input.text !== undefined) {
      const parsed = parseJsonText(input.text, input.file);
      findings = parsed.ok ? lintRequest(parsed.value, options) : [parsed.diagnostic];
    }
    return reportFindings(io, input.file, findings, args.json);
  },
});
