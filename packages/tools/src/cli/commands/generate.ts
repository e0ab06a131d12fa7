import { defineCommand, EXIT_INVALID, EXIT_OK } from "../command.ts";
import { inCwd, printDiagnostics, SPEC_OPTION_HELP, specDir } from "./shared.ts";

export const generateCommand = defineCommand({
  command: "generate",
  describe: "Generate types, JSON Schemas and validators from spec/ into generated/",
  builder: (y) =>
    y
      .option("spec", { type: "string", describe: SPEC_OPTION_HELP })
      .option("out", { type: "string", default: "generated", describe: "Output directory (replaced as a whole)" })
      .option("check", {
        type: "boolean",
        default: false,
        describe: "Write nothing; exit 1 if the output directory is stale",
      })
      .example("$0 generate", "")
      .example("$0 generate --check", ""),
  run: async (args, io) => {
    const { runGenerate } = await import("../../generate/run.ts"); // loaded on use: keeps CLI start-up light
    const result = await runGenerate({
      specDir: specDir(io, args.spec),
      outDir: inCwd(io, args.out),
      check: args.check,
      cwd: io.cwd,
    });
    printDiagnostics(
      io,
      result.diagnostics.filter((d) => d.severity === "error"),
    );
    if (result.files.length === 0) {
      io.stderr("generate failed: nothing was written.\n");
      return EXIT_INVALID;
    }
    if (args.check) {
      if (result.stale.length === 0) {
        io.stdout(`${args.out}/ is up to date (${result.files.length} files).\n`);
        return EXIT_OK;
      }
      io.stderr(
        `${args.out}/ is stale:\n${result.stale.map((s) => `  ${s.reason.padEnd(8)} ${args.out}/${s.path}`).join("\n")}\nFix: gemini-typekit generate${args.out === "generated" ? "" : ` --out ${args.out}`}\n`,
      );
      return EXIT_INVALID;
    }
    io.stdout(
      result.written
        ? `wrote ${result.files.length} files to ${args.out}/\n`
        : `${args.out}/ already up to date (${result.files.length} files).\n`,
    );
    return EXIT_OK;
  },
});
