import { defineCommand, EXIT_INVALID, EXIT_OK } from "../command.ts";
import { printDiagnostics, specDir, SPEC_OPTION_HELP } from "./shared.ts";

export const diffCommand = defineCommand({
  command: "diff <old> <new>",
  describe:
    "Compare two Discovery documents, spec folders or git revisions of spec/; classify every change as breaking, warning or info",
  builder: (y) =>
    y
      .positional("old", {
        type: "string",
        demandOption: true,
        describe:
          "The older side: a Discovery document (JSON), a spec folder, or git:REV[:DIR] (a spec folder at a git revision)",
      })
      .positional("new", {
        type: "string",
        demandOption: true,
        describe: "The newer side: a Discovery document (JSON), a spec folder, or git:REV[:DIR]",
      })
      .option("spec", {
        type: "string",
        describe: `${SPEC_OPTION_HELP}; its overlay's corrections and renames apply to both sides`,
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: 'Print { "changes": [...], "prose": [...] } as JSON',
      })
      .option("fail-on", {
        choices: ["breaking", "warning"] as const,
        describe: "Exit 1 when a change of this level (or a more severe one) is found",
      })
      .example(
        "$0 diff ../shared/upstream/discovery/history/generativelanguage.v1beta.20251028.json ../shared/upstream/discovery/generativelanguage.v1beta.20260325.json --fail-on breaking",
        "",
      ),
  run: async (args, io) => {
    // Loaded on use, so other commands do not pay for the importer at start-up.
    const { runDiff, failsOn } = await import("../../diff/run.ts");
    const { formatDiff } = await import("../../diff/format.ts");
    const { countByLevel } = await import("../../diff/diff.ts");
    // Sides are resolved against the working directory by the reader: a `git:REV` side is no path.
    const result = await runDiff(args.old, args.new, specDir(io, args.spec), io.cwd);
    printDiagnostics(io, result.diagnostics);
    if (!result.diff) {
      io.stderr("diff failed: a side could not be read.\n");
      return EXIT_INVALID;
    }
    io.stdout(
      args.json
        ? `${JSON.stringify({ from: result.diff.from, to: result.diff.to, changes: result.diff.changes, prose: result.prose }, null, 2)}\n`
        : formatDiff(result.diff, result.prose),
    );
    if (!failsOn(result.diff, args["fail-on"])) return EXIT_OK;
    // Say why the exit code is 1, on stderr, so a CI log shows it next to the report.
    const counts = countByLevel(result.diff.changes);
    io.stderr(`--fail-on ${args["fail-on"]}: ${counts.breaking} breaking and ${counts.warning} warning change(s).\n`);
    return EXIT_INVALID;
  },
});
