// A spec folder as it was at a git revision: `git:REV` (the repository's spec/) or `git:REV:DIR`. The revision's
// imported and overlay layers are extracted to a temporary folder and read like any spec folder.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { error, type Diagnostic } from "../diagnostics.ts";
import { IMPORTED_DIR, OVERLAY_DIR } from "../spec/files.ts";

const run = promisify(execFile);

export interface GitSide {
  rev: string;
  /** The spec folder inside the repository, relative to its top. */
  dir: string;
}

/** "git:HEAD~3" → { rev: "HEAD~3", dir: "spec" }; anything without the prefix is not a git side. */
export function parseGitSide(arg: string): GitSide | undefined {
  if (!arg.startsWith("git:")) return undefined;
  const rest = arg.slice("git:".length);
  const colon = rest.indexOf(":");
  return colon < 0 ? { rev: rest, dir: "spec" } : { rev: rest.slice(0, colon), dir: rest.slice(colon + 1) || "spec" };
}

/**
 * Extracts the spec folder at a revision and hands it to `read`; the temporary copy is removed afterwards.
 * Git's own message says what is wrong when the revision or the folder does not exist.
 */
export async function withGitSpec<T>(
  side: GitSide,
  cwd: string,
  read: (dir: string) => Promise<T>,
  failed: (d: Diagnostic) => T,
): Promise<T> {
  const tmp = await mkdtemp(join(tmpdir(), "gtk-diff-"));
  try {
    const top = (await run("git", ["rev-parse", "--show-toplevel"], { cwd })).stdout.trim();
    const tar = join(tmp, "spec.tar");
    await run(
      "git",
      [
        "archive",
        "--format=tar",
        "-o",
        tar,
        side.rev,
        "--",
        `${side.dir}/${IMPORTED_DIR}`,
        `${side.dir}/${OVERLAY_DIR}`,
      ],
      { cwd: top },
    );
    await run("tar", ["-xf", tar, "-C", tmp]);
    return await read(join(tmp, side.dir));
  } catch (e) {
    const message = ((e as { stderr?: string }).stderr || (e as Error).message).trim();
    return failed(
      error(
        "diff.git-revision",
        `cannot read ${side.dir}/ at revision ${side.rev}: ${message}`,
        {},
        "give a revision git knows (a commit, tag or branch) and the spec folder's path from the repository's top",
      ),
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
