import { defineCommand, EXIT_INVALID, EXIT_OK } from "../command.ts";
import { hasErrors } from "../../diagnostics.ts";
import { printDiagnostics } from "./shared.ts";
import { readSchemaInput } from "./schema-io.ts";

export const lintSchemaCommand = defineCommand({
  command: "lint-schema <schema>",
  describe: "Check a response schema or GenerationConfig (JSON file, or - for stdin) against what Gemini accepts",
  builder: (y) =>
    y
      .positional("schema", { type: "string", demandOption: true, describe: "JSON file, or - to read stdin" })
      .option("dialect", { choices: ["json", "openapi"] as const, default: "json" as const, describe: "Dialect of a bare schema (a GenerationConfig says by its keys)" })
      .option("json", { type: "boolean", default: false, describe: "Print the findings as JSON" })
      .example("$0 lint-schema zod-output.json", "")
      .example("cat config.json | $0 lint-schema - --json", ""),
  run: async (args, io) => {
    const { lintSchema } = await import("../../schema/lint.ts");
    const input = await readSchemaInput(io, args.schema);
    if (input.value === undefined) {
      printDiagnostics(io, input.diagnostics);
      return EXIT_INVALID;
    }
    const findings = lintSchema(input.value, { dialect: args.dialect === "openapi" ? "responseSchema" : "responseJsonSchema", file: input.file });
    if (args.json) io.stdout(`${JSON.stringify({ ok: !hasErrors(findings), findings }, null, 2)}\n`);
    else {
      printDiagnostics(io, findings);
      const errors = findings.filter((f) => f.severity === "error").length;
      io.stdout(`${input.file}: ${errors} error(s), ${findings.length - errors} warning(s)\n`);
    }
    return hasErrors(findings) ? EXIT_INVALID : EXIT_OK;
  },
});
