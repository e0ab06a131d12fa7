import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Argv } from "yargs";
import { defineCommand, EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from "../command.ts";
import { parseJsonText } from "../../util/json-text.ts";
import { error, hasErrors } from "../../diagnostics.ts";
import { DEFAULT_SPEC_DIR, inCwd, printDiagnostics, SPEC_OPTION_HELP, specDir } from "./shared.ts";

interface StatsArgs {
  spec: string | undefined;
  against?: string;
  json: boolean;
}

async function stats(args: StatsArgs, io: CliIo): Promise<number> {
  const { loadSpec } = await import("../../spec/load.ts"); // loaded on use: keeps CLI start-up light
  const { formatStats, specStats } = await import("../../spec/stats.ts");
  const { coverage } = await import("../../import/coverage.ts");
  const { asDiscoveryDoc } = await import("../../import/discovery.ts");
  const { ir, diagnostics } = await loadSpec(specDir(io, args.spec), io.cwd);
  if (!ir) {
    printDiagnostics(io, diagnostics);
    return EXIT_INVALID;
  }
  const result = specStats(ir);
  if (args.against) {
    const file = inCwd(io, args.against);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (e) {
      printDiagnostics(io, [
        error("spec.against-unreadable", `cannot read: ${(e as Error).message}`, { file: args.against }),
      ]);
      return EXIT_INVALID;
    }
    const parsed = parseJsonText(text, args.against);
    const { doc, diagnostics: docProblems } = parsed.ok
      ? asDiscoveryDoc(parsed.value, args.against)
      : { doc: undefined, diagnostics: [parsed.diagnostic] };
    if (!doc) {
      printDiagnostics(io, docProblems);
      return EXIT_INVALID;
    }
    const cov = coverage(ir, doc, args.against);
    if (hasErrors(cov.diagnostics)) {
      printDiagnostics(io, cov.diagnostics);
      return EXIT_INVALID;
    }
    result.coverage = cov.coverage;
  }
  io.stdout(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatStats(result));
  return EXIT_OK;
}

async function check(args: { spec: string | undefined; json: boolean; todo: boolean }, io: CliIo): Promise<number> {
  const { loadSpec } = await import("../../spec/load.ts");
  const dir = specDir(io, args.spec);
  const { ir, diagnostics } = await loadSpec(dir, io.cwd);
  // The to-do list needs a spec that loads; for one that does not, the errors come first.
  const todo = args.todo && ir ? (await import("../../spec/todo.ts")).specTodo(ir, dir, io.cwd) : undefined;
  if (args.json)
    io.stdout(`${JSON.stringify({ ok: ir !== undefined, diagnostics, ...(todo ? { todo } : {}) }, null, 2)}\n`);
  else {
    printDiagnostics(io, diagnostics);
    if (todo) io.stdout((await import("../../spec/todo.ts")).formatTodo(todo));
    if (ir)
      io.stdout(
        `spec is valid: ${ir.resources.size} resources, ${ir.enums.size} enums, ${ir.methods.size} methods (${diagnostics.length} warnings)\n`,
      );
  }
  return ir ? EXIT_OK : EXIT_INVALID;
}

const specOption = (y: Argv) =>
  y
    .option("spec", { type: "string", describe: SPEC_OPTION_HELP })
    .option("json", { type: "boolean", default: false, describe: "Print as JSON" });

async function learn(
  args: { spec: string | undefined; json: boolean; inputs: string[]; manifest?: string; write: boolean },
  io: CliIo,
): Promise<number> {
  // Like import, --write changes only a spec the user has: ./spec or --spec, never the one shipped with the package.
  const dir = args.write ? inCwd(io, args.spec ?? DEFAULT_SPEC_DIR) : specDir(io, args.spec);
  if (args.write && !existsSync(dir)) {
    io.stderr(
      `--write adds corrections to a spec directory, and there is none at ${args.spec ?? DEFAULT_SPEC_DIR}: name one with --spec\n`,
    );
    return EXIT_USAGE;
  }
  const { learn: run } = await import("../../learn/run.ts");
  return run(
    {
      positionals: args.inputs,
      ...(args.manifest !== undefined ? { manifest: args.manifest } : {}),
      specDir: dir,
      write: args.write,
      json: args.json,
    },
    io,
    (d) => printDiagnostics(io, d),
  );
}

/** Options that belong to one action only: named with another, they are a usage error. */
function misplaced(args: {
  action: string;
  against?: string;
  manifest?: string;
  write: boolean;
  todo: boolean;
  inputs: string[];
}): string | undefined {
  if (args.against !== undefined && args.action !== "stats") return "--against only goes with `spec stats`";
  if (args.todo && args.action !== "check") return "--todo only goes with `spec check`";
  if (args.action === "learn") return undefined;
  if (args.manifest !== undefined || args.write)
    return `--${args.manifest !== undefined ? "manifest" : "write"} only goes with \`spec learn\``;
  if (args.inputs.length > 0) return `\`spec ${args.action}\` takes no files: ${args.inputs.join(" ")}`;
  return undefined;
}

export const specCommand = defineCommand({
  command: "spec <action> [inputs..]",
  describe:
    "Inspect the spec: `spec stats` counts and coverage, `spec check` validation, `spec learn` corrections from payloads",
  builder: (y) =>
    specOption(y)
      .positional("action", {
        choices: ["stats", "check", "learn"] as const,
        demandOption: true,
        describe: "stats | check | learn",
      })
      .positional("inputs", {
        type: "string",
        array: true,
        describe: "learn: a resource, then payload files or folders (.json, .jsonl, .sse)",
      })
      .option("against", { type: "string", describe: "stats: a Discovery document to measure coverage of" })
      .option("manifest", {
        type: "string",
        describe: "learn: a manifest.jsonl whose lines (file, uri, method, role, status) place each payload",
      })
      .option("write", {
        type: "boolean",
        default: false,
        describe: "learn: add the proposed corrections to spec/overlay/corrections.json",
      })
      .option("todo", {
        type: "boolean",
        default: false,
        describe: "check: list every missing description and enum name, with file and JSON Pointer",
      })
      .example("$0 spec stats --against ../shared/upstream/discovery/generativelanguage.v1beta.20260325.json", "")
      .example("$0 spec check", "")
      .example("$0 spec check --todo", "")
      .example("$0 spec learn GenerateContentResponse recordings/", "")
      .example("$0 spec learn --manifest ../shared/fixtures/real/manifest.jsonl --write", ""),
  run: async (args, io) => {
    const inputs = (args.inputs ?? []).map(String);
    const wrong = misplaced({ ...args, inputs });
    if (wrong) {
      io.stderr(`${wrong}\n`);
      return EXIT_USAGE;
    }
    if (args.action === "stats")
      return stats({ spec: args.spec, json: args.json, ...(args.against ? { against: args.against } : {}) }, io);
    if (args.action === "learn")
      return learn(
        {
          spec: args.spec,
          json: args.json,
          inputs,
          write: args.write,
          ...(args.manifest !== undefined ? { manifest: args.manifest } : {}),
        },
        io,
      );
    return check(args, io);
  },
});
