import { defineCommand, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from "../command.ts";
import { TARGETS } from "../../response-schema/rules/rule.ts";
import { chooseTarget, targetConflict } from "./target-option.ts";
import { printDiagnostics, reportFindings } from "./shared.ts";
import { readSchemaInput } from "./schema-io.ts";

export const lintSchemaCommand = defineCommand({
  command: "lint-schema [schema]",
  describe:
    "Check a schema or GenerationConfig (JSON file, or - for stdin) against what Gemini accepts; --rules lists the rules",
  builder: (y) =>
    y
      .positional("schema", { type: "string", describe: "JSON file, or - to read stdin" })
      .option("target", {
        choices: TARGETS,
        describe:
          "The request field a bare schema is sent in (default: by --dialect); a GenerationConfig says by its keys",
      })
      .option("dialect", {
        choices: ["json", "openapi"] as const,
        describe: "Dialect of a bare schema: json = responseJsonSchema target (default), openapi = responseSchema",
      })
      .option("json", { type: "boolean", default: false, describe: "Print the findings as JSON" })
      .option("rules", {
        type: "boolean",
        default: false,
        describe:
          "Print every rule with its severity, targets and evidence (Markdown, as docs/lint-rules.md), and exit",
      })
      .example("$0 lint-schema zod-output.json", "")
      .example("$0 lint-schema tool-params.json --target parameters", "")
      .example("cat config.json | $0 lint-schema - --json", "")
      .example("$0 lint-schema --rules", ""),
  run: async (args, io) => {
    if (args.rules) {
      const { formatRulesPage } = await import("../../response-schema/rules/page.ts");
      io.stdout(formatRulesPage());
      return EXIT_OK;
    }
    if (args.schema === undefined) {
      io.stderr("lint-schema needs a schema file (or - for stdin), or --rules\n");
      return EXIT_USAGE;
    }
    const target = chooseTarget(args.target, args.dialect);
    if (target === undefined) {
      io.stderr(targetConflict(args.target!, args.dialect!));
      return EXIT_USAGE;
    }
    const { lintSchema } = await import("../../response-schema/lint.ts");
    const input = await readSchemaInput(io, args.schema);
    if (input.value === undefined) {
      printDiagnostics(io, input.diagnostics);
      return EXIT_INVALID;
    }
    const findings = lintSchema(input.value, { target, file: input.file });
    return reportFindings(io, input.file, findings, args.json);
  },
});
