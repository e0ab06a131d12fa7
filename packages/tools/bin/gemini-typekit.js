#!/usr/bin/env node
// The installed CLI: the tools built to JavaScript (../dist), run by plain node.
// `--help` and `<command> --help` are printed from ../dist/cli/help.json — yargs' own screens, written at build time
// (scripts/build/help.ts) — because loading yargs and the commands costs several times node's own start-up. A
// terminal narrower than the screens' width, or any other arguments, go through the CLI itself.
import { readFileSync } from "node:fs";

const argv = process.argv.slice(2);
const HELP_FLAGS = ["--help", "-h"];

function storedHelp() {
  const asked = argv.length === 1 ? "" : argv.length === 2 && !argv[0].startsWith("-") ? argv[0] : undefined;
  if (asked === undefined || !HELP_FLAGS.includes(argv[argv.length - 1])) return undefined;
  let help;
  try {
    help = JSON.parse(readFileSync(new URL("../dist/cli/help.json", import.meta.url), "utf8"));
  } catch {
    return undefined;
  }
  if (process.stdout.columns !== undefined && process.stdout.columns < help.width) return undefined;
  return Object.prototype.hasOwnProperty.call(help.screens, asked) ? help.screens[asked] : undefined;
}

const help = storedHelp();
if (help !== undefined) {
  process.stdout.write(help);
} else {
  const { main } = await import("../dist/cli/main.js");
  process.exitCode = await main(argv);
}
