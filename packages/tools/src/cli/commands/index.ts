// The command table: every CLI command, in the order --help lists them.
import type { CliCommand } from "../command.ts";
import { importCommand } from "./import.ts";
import { diffCommand } from "./diff.ts";
import { specCommand } from "./spec.ts";
import { generateCommand } from "./generate.ts";
import { schemaCommands } from "./schema-commands.ts";
import { validateCommand } from "./validate.ts";
import { lintRequestCommand } from "./lint-request.ts";

// Each module is typed by its own arguments; the table only needs the common shape.
const table: unknown[] = [
  importCommand,
  diffCommand,
  specCommand,
  generateCommand,
  validateCommand,
  ...schemaCommands,
  lintRequestCommand,
];
export const commands = table as CliCommand<never>[];
