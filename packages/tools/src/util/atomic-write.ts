// Writing a whole directory tree so that a failure leaves the previous one intact: write everything into a sibling
// temporary directory, then swap it in with renames.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import { existsSync } from "node:fs";

/** Replace `dir` with exactly `files` (relative path → contents). */
export async function replaceDirectory(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const parent = dirname(dir);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${basename(dir)}.new-${stamp}`);
  const backup = join(parent, `.${basename(dir)}.old-${stamp}`);
  await mkdir(staging, { recursive: true });
  try {
    const dirs = new Set([...files.keys()].map((rel) => dirname(join(staging, rel))));
    for (const d of [...dirs].sort()) await mkdir(d, { recursive: true });
    await Promise.all([...files].map(([rel, contents]) => writeFile(join(staging, rel), contents)));
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  const hadOld = existsSync(dir);
  if (hadOld) await rename(dir, backup);
  try {
    await rename(staging, dir);
  } catch (e) {
    if (hadOld) await rename(backup, dir);
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  if (hadOld) await rm(backup, { recursive: true, force: true });
}
