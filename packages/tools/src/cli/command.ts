// The shape every CLI command module has. Handlers return the process exit code instead of exiting, so commands are
// testable in-process: 0 ok, 1 invalid input or failed check, 2 usage error.
import type { Argv } from "yargs";

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Standard input, whole: bytes as they came (main.ts), or text (tests); bytes are decoded strictly where read. */
  stdin?: () => Promise<string | Uint8Array>;
}

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
