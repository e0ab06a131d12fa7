import { writeFile } from "node:fs/promises";
import { defineCommand, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from "../command.ts";
import { hasErrors } from "../../diagnostics.ts";
import { TARGETS } from "../../response-schema/rules/rule.ts";
import { inCwd, printDiagnostics } from "./shared.ts";
import { chooseTarget, targetConflict } from "./target-option.ts";

export const toSchemaCommand = defineCommand({
  command: "to-schema <file> <type>",
  describe: "Turn a TypeScript type into a Gemini schema: a response schema, or a function's parameters or response",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "TypeScript file declaring the type" })
      .positional("type", { type: "string", demandOption: true, describe: "Interface, type alias, class or enum name" })
      .option("target", {
        choices: TARGETS,
        describe:
          "The request field the schema is for; it decides the dialect and the lint rules the output must pass (default: by --dialect)",
      })
      .option("dialect", {
        choices: ["json", "openapi"] as const,
        describe: "json: responseJsonSchema (default); openapi: legacy responseSchema",
      })
      .option("out", { type: "string", describe: "Write the schema to this file instead of stdout" })
      .example("$0 to-schema src/recipe.ts Recipe --out recipe.schema.json", "")
      .example("$0 to-schema src/tools.ts WeatherArgs --target parametersJsonSchema", ""),
  run: async (args, io) => {
    // ts-morph and the TypeScript compiler load only when this command runs.
    const { toResponseJsonSchema, toResponseSchema } = await import("../../response-schema/from-typescript.ts");
    const target = chooseTarget(args.target, args.dialect);
    if (target === undefined) {
      io.stderr(targetConflict(args.target!, args.dialect!));
      return EXIT_USAGE;
    }
    const file = inCwd(io, args.file);
    const result =
      target === "responseJsonSchema" || target === "parametersJsonSchema"
        ? toResponseJsonSchema(file, args.type, { cwd: io.cwd, target })
        : toResponseSchema(file, args.type, { cwd: io.cwd, target });
    printDiagnostics(io, result.diagnostics);
    if (!result.schema || hasErrors(result.diagnostics)) return EXIT_INVALID;
    const text = `${JSON.stringify(result.schema, null, 2)}\n`;
    if (args.out) await writeFile(inCwd(io, args.out), text);
    else io.stdout(text);
    return EXIT_OK;
  },
});
