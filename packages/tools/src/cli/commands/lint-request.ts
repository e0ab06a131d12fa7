// `lint-request FILE`: lint a whole request body (GenerateContentRequest, CachedContent, or a batch line) the way
// `lint-schema` lints a schema: findings to stderr (or `--json` to stdout, same shape), exit 1 on any error.
import { defineCommand, EXIT_INVALID, EXIT_OK } from "../command.ts";
import { hasErrors, type Diagnostic } from "../../diagnostics.ts";
import { printDiagnostics } from "./shared.ts";
import { readSchemaInput } from "./schema-io.ts";

export const lintRequestCommand = defineCommand({
  command: "lint-request <request>",
  describe: "Check a whole request body (GenerateContentRequest, CachedContent or batch line; JSON file, or - for stdin) against what Gemini accepts",
  builder: (y) =>
    y
      .positional("request", { type: "string", demandOption: true, describe: "JSON file, or - to read stdin" })
      .option("model", { type: "string", describe: "Model the request is sent to (e.g. gemini-3-flash-preview); overrides the body's model" })
      .option("json", { type: "boolean", default: false, describe: "Print the findings as JSON" })
      .example("$0 lint-request body.json --model gemini-3-flash-preview", "")
      .example("cat body.json | $0 lint-request - --json", ""),
  run: async (args, io) => {
    const { lintRequest } = await import("../../request/lint-request.ts");
    const input = await readSchemaInput(io, args.request);
    const findings: Diagnostic[] =
      input.value === undefined ? input.diagnostics : lintRequest(input.value, { file: input.file, ...(args.model ? { model: args.model } : {}) });
    if (args.json) io.stdout(`${JSON.stringify({ ok: !hasErrors(findings), findings }, null, 2)}\n`);
    else {
      printDiagnostics(io, findings);
      const errors = findings.filter((f) => f.severity === "error").length;
      io.stdout(`${input.file}: ${errors} error(s), ${findings.length - errors} warning(s)\n`);
    }
    return hasErrors(findings) ? EXIT_INVALID : EXIT_OK;
  },
});
