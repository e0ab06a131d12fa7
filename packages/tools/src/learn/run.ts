// `gemini-typekit spec learn`: read payloads, gather what the spec does not explain, propose the overlay
// corrections that would, and (with --write) add them to the spec for review. Exit codes are a linter's: 0 when the
// spec explains every payload, 1 when it does not (proposals, unexplained issues, files not read), 2 for usage errors.
import { relative } from "node:path";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from "../util/io.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { Gatherer } from "./gather.ts";
import { inputsFromManifest, inputsFromPaths, type Inputs } from "./inputs.ts";
import { hasCorrections, propose } from "./propose.ts";
import { formatReport, reportJson } from "./report.ts";
import { resourceSides } from "./spec-view.ts";
import { writeCorrections, type WriteOutcome } from "./write.ts";

export interface LearnOptions {
  /** `<Resource> files…`: the resource, then files and folders. */
  positionals: string[];
  manifest?: string;
  specDir: string;
  write: boolean;
  json: boolean;
}

export async function learn(
  options: LearnOptions,
  io: CliIo,
  printDiagnostics: (d: readonly Diagnostic[]) => void,
): Promise<number> {
  const usage = (message: string) => {
    io.stderr(
      `${message}\nUsage: gemini-typekit spec learn <Resource> <files or folders…> | spec learn --manifest <manifest.jsonl>\n`,
    );
    return EXIT_USAGE;
  };
  if (options.manifest !== undefined && options.positionals.length > 0)
    return usage("--manifest places every file itself: name no resource or files with it");
  if (options.manifest === undefined && options.positionals.length < 2)
    return usage("spec learn needs a resource and at least one file or folder (or --manifest)");

  const { loadSpec } = await import("../spec/load.ts");
  const { ir, diagnostics } = await loadSpec(options.specDir, io.cwd);
  if (!ir) {
    printDiagnostics(diagnostics);
    return EXIT_INVALID;
  }
  const { validators } = await import("@gemini-typekit/runtime");
  const knownToRuntime = (name: string) => Object.prototype.hasOwnProperty.call(validators, name);
  const sides = resourceSides(ir);
  let inputs: Inputs;
  if (options.manifest !== undefined) inputs = await inputsFromManifest(io.cwd, options.manifest, ir);
  else {
    const [resource, ...paths] = options.positionals as [string, ...string[]];
    if (!ir.resources.has(resource) || !knownToRuntime(resource))
      return usage(
        `No resource named "${resource}" (names are those of Google's API reference, e.g. GenerateContentResponse).`,
      );
    inputs = await inputsFromPaths(io.cwd, resource, paths, sides);
  }

  const gathered = await new Gatherer(ir, knownToRuntime).gather(inputs);
  const proposals = propose(ir, gathered, inputs.source, sides);
  const unexplained = proposals.findings.some((f) => f.kind === "unexplained") || gathered.problems.length > 0;
  let written: WriteOutcome | undefined;
  if (options.write && (hasCorrections(proposals.corrections) || proposals.evidenceUpdates.length > 0)) {
    written = await writeCorrections(options.specDir, proposals.corrections, proposals.evidenceUpdates, io.cwd);
    printDiagnostics(written.diagnostics);
  }
  const summary = { source: inputs.source, gathered, proposals };
  if (options.json)
    io.stdout(
      reportJson(
        summary,
        written ? { written: { ok: written.ok, added: written.added, updated: written.updated } } : {},
      ),
    );
  else {
    io.stdout(formatReport(summary));
    if (written?.ok)
      io.stdout(
        `\nWrote ${written.added} new and ${written.updated} updated corrections to ${relative(io.cwd, written.file)}: review them, describe them in your own words, then run generate.\n`,
      );
    else if (!written && hasCorrections(proposals.corrections))
      io.stdout("\nRun with --write to add these corrections to spec/overlay/corrections.json for review.\n");
  }
  if (written && !written.ok) return EXIT_INVALID;
  // After a successful --write the proposals are the spec's: only what no correction explains still fails the run.
  const pending = hasCorrections(proposals.corrections) && !written?.ok;
  return pending || unexplained ? EXIT_INVALID : EXIT_OK;
}
