// Entry point of the `gemini-typekit` binary: yargs parsing, then dispatch to the command modules in ./commands.
import yargs from "yargs";
import { readFileSync } from "node:fs";
import { commands } from "./commands/index.ts";
import { EXIT_USAGE, EXIT_INVALID, type CliIo } from "./command.ts";
import { DiagnosticError, formatDiagnostic } from "../diagnostics.ts";

class UsageError extends Error {}

export const defaultIo = (): CliIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  // Bytes, not text: decoding here would replace invalid UTF-8 silently, and validate locates it instead.
  stdin: async () => readFileSync(0),
});

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let exitCode: number | undefined;
  let usageError: string | undefined;
  let parser = yargs(argv)
    .scriptName("gemini-typekit")
    .usage("$0 <command> [options]\n\nMachine-checkable Gemini REST API (v1beta): spec, import, generate, validate.")
    .strict()
    .demandCommand(1, "Name a command; see --help.")
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((msg, err) => {
      // Throwing stops yargs from going on to run the command's handler.
      throw err ?? new UsageError(msg);
    });
  for (const c of commands) {
    parser = parser.command(c.command, c.describe, c.builder, async (args) => {
      exitCode = await c.run(args as never, io);
    });
  }
  let helpText = "";
  try {
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      helpText = output;
    });
  } catch (e) {
    if (e instanceof UsageError) usageError = e.message;
    else if (e instanceof DiagnosticError) {
      io.stderr(`${e.diagnostics.map(formatDiagnostic).join("\n")}\n`);
      return EXIT_INVALID;
    } else throw e;
  }
  if (usageError !== undefined) {
    io.stderr(`${helpText ? `${helpText}\n\n` : ""}${usageError}\n`);
    return EXIT_USAGE;
  }
  if (helpText) io.stdout(`${helpText}\n`);
  return exitCode ?? 0;
}
