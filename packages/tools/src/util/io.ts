// What a command's work sees of its process — output streams, the working folder, standard input — and the exit
// codes it answers with, so that work (the CLI's commands, `spec learn`) runs in-process and is testable, and needs
// nothing of the CLI itself.

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
