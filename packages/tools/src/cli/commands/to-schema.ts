import { writeFile } from "node:fs/promises";
import { defineCommand, EXIT_INVALID, EXIT_OK } from "../command.ts";
import { hasErrors } from "../../diagnostics.ts";
import { inCwd, printDiagnostics } from "./shared.ts";

export const toSchemaCommand = defineCommand({
  command: "to-schema <file> <type>",
  describe: "Turn a TypeScript type into a Gemini response schema (responseJsonSchema or legacy responseSchema)",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "TypeScript file declaring the type" })
      .positional("type", { type: "string", demandOption: true, describe: "Interface, type alias, class or enum name" })
      .option("dialect", { choices: ["json", "openapi"] as const, default: "json" as const, describe: "json: responseJsonSchema; openapi: legacy responseSchema" })
      .option("out", { type: "string", describe: "Write the schema to this file instead of stdout" })
      .example("$0 to-schema src/recipe.ts Recipe --out recipe.schema.json", ""),
  run: async (args, io) => {
    // ts-morph and the TypeScript compiler load only when this command runs.
    const { toResponseJsonSchema, toResponseSchema } = await import("../../schema/from-typescript.ts");
    const convert = args.dialect === "openapi" ? toResponseSchema : toResponseJsonSchema;
    const result = convert(inCwd(io, args.file), args.type, { cwd: io.cwd });
    printDiagnostics(io, result.diagnostics);
    if (!result.schema || hasErrors(result.diagnostics)) return EXIT_INVALID;
    const text = `${JSON.stringify(result.schema, null, 2)}\n`;
    if (args.out) await writeFile(inCwd(io, args.out), text);
    else io.stdout(text);
    return EXIT_OK;
  },
});
