import { defineCommand, EXIT_INVALID, EXIT_OK } from "../command.ts";
import { DEFAULT_SPEC_DIR, inCwd, printDiagnostics } from "./shared.ts";

export const importCommand = defineCommand({
  command: "import <discovery>",
  describe: "Import a Discovery document into spec/imported and report what changed",
  builder: (y) =>
    y
      .positional("discovery", {
        type: "string",
        demandOption: true,
        describe: "Discovery document (JSON) of generativelanguage v1beta",
      })
      .option("protos", {
        type: "string",
        describe: "Directory of the v1beta .proto files (oneofs, enum numbers, proto names)",
      })
      .option("openapi", { type: "string", describe: "Google's OpenAPI 3 export (explicit required lists)" })
      .option("spec", { type: "string", default: DEFAULT_SPEC_DIR, describe: "Spec directory" })
      .option("json", { type: "boolean", default: false, describe: "Print the change report as JSON" })
      .option("dry-run", { type: "boolean", default: false, describe: "Report what would change; write nothing" })
      .example(
        "$0 import ../shared/upstream/discovery/generativelanguage.v1beta.20260325.json --protos ../shared/upstream/protos/v1beta",
        "",
      ),
  run: async (args, io) => {
    // Loaded on use, so other commands do not pay for the importer's dependencies at start-up.
    const { runImport } = await import("../../import/run.ts");
    const { formatReport } = await import("../../import/report.ts");
    const result = await runImport(
      {
        discovery: inCwd(io, args.discovery),
        ...(args.protos ? { protos: inCwd(io, args.protos) } : {}),
        ...(args.openapi ? { openapi: inCwd(io, args.openapi) } : {}),
        specDir: inCwd(io, args.spec),
        dryRun: args["dry-run"],
      },
      io.cwd,
    );
    printDiagnostics(io, result.diagnostics);
    if (!result.ok) {
      // Refused after the new document was read (errors in what it says, or the overlay refuses it): what it changes
      // is still shown, beside the errors that refuse it. A document that could not be read has no report.
      if (result.report)
        io.stdout(
          args.json
            ? `${JSON.stringify({ written: false, refused: true, diagnostics: result.diagnostics, ...result.report }, null, 2)}\n`
            : formatReport(result.report),
        );
      io.stderr(
        `import ${result.report ? "refused" : "failed"}: spec/ was not changed.${result.report ? " Fix the overlay or the document as the errors above say, then import again." : ""}\n`,
      );
      return EXIT_INVALID;
    }
    if (!result.report) {
      io.stderr("import failed: spec/ was not changed.\n");
      return EXIT_INVALID;
    }
    io.stdout(
      args.json
        ? `${JSON.stringify({ written: result.written, ...result.report }, null, 2)}\n`
        : formatReport(result.report),
    );
    if (!args.json)
      io.stderr(
        result.written
          ? "spec/imported updated.\n"
          : args["dry-run"]
            ? "dry run: nothing written.\n"
            : "spec/imported already up to date.\n",
      );
    return EXIT_OK;
  },
});
