import { defineCommand, EXIT_INVALID, EXIT_OK } from "../command.ts";
import { printDiagnostics } from "./shared.ts";
import { readSchemaInput } from "./schema-io.ts";

export const toTsCommand = defineCommand({
  command: "to-ts <schema>",
  describe: "Turn a response schema (either dialect; JSON file or -) into TypeScript declarations",
  builder: (y) =>
    y
      .positional("schema", { type: "string", demandOption: true, describe: "JSON file, or - to read stdin" })
      .option("name", { type: "string", describe: "Name of the root type (default: the schema's title, else Root)" })
      .example("$0 to-ts recipe.schema.json --name Recipe", ""),
  run: async (args, io) => {
    const { fromSchema } = await import("../../response-schema/from-schema.ts");
    const input = await readSchemaInput(io, args.schema);
    if (input.value === undefined) {
      printDiagnostics(io, input.diagnostics);
      return EXIT_INVALID;
    }
    const result = await fromSchema(input.value, { file: input.file, ...(args.name ? { name: args.name } : {}) });
    printDiagnostics(io, result.diagnostics);
    if (result.code === undefined) return EXIT_INVALID;
    io.stdout(result.code);
    return EXIT_OK;
  },
});
