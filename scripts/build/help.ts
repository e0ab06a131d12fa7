// The CLI's help screens, written at build time into the tools package (dist/cli/help.json) so that the installed
// `gemini-typekit --help` and `gemini-typekit <command> --help` print without loading yargs and the command
// modules (what makes start-up cost several times node's own). They are yargs' own output, produced by the built
// CLI in a child process whose stdout is a pipe: yargs then wraps at the CLI's fixed width, as the bin requires
// before it uses them (a narrower terminal gets yargs itself). The consumer tests compare them with the sources'.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

/** The width the CLI wraps help at when the terminal is at least as wide (see cli/main.ts). */
export const HELP_WIDTH = 110;

const CHILD = `
const [mainUrl, commandsUrl] = process.argv.slice(1);
const { main } = await import(mainUrl);
const { commands } = await import(commandsUrl);
const screens = {};
for (const argv of [["--help"], ...commands.map((c) => [c.command.split(" ")[0], "--help"])]) {
  let out = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => process.stderr.write(t), cwd: process.cwd() });
  if (code !== 0) throw new Error("gemini-typekit " + argv.join(" ") + " exited " + code);
  screens[argv.length === 1 ? "" : argv[0]] = out;
}
process.stdout.write(JSON.stringify(screens));
`;

export async function writeHelpScreens(toolsDir: string): Promise<void> {
  const dist = join(toolsDir, "dist");
  const urls = [join(dist, "cli/main.js"), join(dist, "cli/commands/index.js")].map((p) => pathToFileURL(p).href);
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", CHILD, ...urls], {
    cwd: toolsDir,
  });
  const screens = JSON.parse(stdout) as Record<string, string>;
  writeFileSync(join(dist, "cli/help.json"), `${JSON.stringify({ width: HELP_WIDTH, screens }, null, 2)}\n`);
}
