// The shape every CLI command module has. Handlers return the process exit code instead of exiting, so commands are
// testable in-process: 0 ok, 1 invalid input or failed check, 2 usage error.
import type { Argv } from "yargs";
import type { CliIo } from "../util/io.ts";

export { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from "../util/io.ts";

export interface CliCommand<A = Record<string, unknown>> {
  /** yargs command string, e.g. "import <discovery>". */
  command: string;
  describe: string;
  builder: (y: Argv) => Argv<A>;
  run: (args: A, io: CliIo) => Promise<number>;
}

export function defineCommand<A>(c: CliCommand<A>): CliCommand<A> {
  return c;
}
