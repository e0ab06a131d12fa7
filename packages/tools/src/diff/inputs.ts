// The two sides of a diff: each a Discovery document (imported on the fly, with the overlay's corrections and
// renames), a spec folder (its imported layer as committed), or a spec folder at a git revision.
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { hasErrors, error, type Diagnostic } from "../diagnostics.ts";
import { readSpecFiles } from "../spec/files.ts";
import type { ImportedSpec, Overlay } from "../spec/layers.ts";
import { importUpstream } from "../import/run.ts";
import { parseJsonText } from "../util/json-text.ts";
import { parseGitSide, withGitSpec } from "./git-side.ts";

export interface DiffSide {
  imported?: ImportedSpec;
  /** The overlay of a spec folder side; its renames join the comparison's. */
  overlay?: Overlay;
  /** The raw Discovery document of a document side, for the prose (description) changes. */
  discovery?: unknown;
  diagnostics: Diagnostic[];
}

async function readDiscovery(path: string, overlay: Overlay): Promise<DiffSide> {
  const { imported, diagnostics } = await importUpstream({ discovery: path }, overlay);
  if (!imported) return { diagnostics };
  const parsed = parseJsonText(await readFile(path, "utf8"), path);
  return { imported, diagnostics, ...(parsed.ok ? { discovery: parsed.value } : {}) };
}

async function readSpecFolder(dir: string, cwd: string): Promise<DiffSide> {
  const { files, diagnostics } = await readSpecFiles(dir, cwd);
  if (hasErrors(diagnostics) || !files.imported) return { diagnostics };
  return { imported: files.imported, overlay: files.overlay, diagnostics };
}

/**
 * @param arg a Discovery document, a spec folder, or `git:REV[:DIR]` (a spec folder at a git revision).
 * @param overlay the overlay a Discovery document is read with (the --spec folder's).
 */
export async function readDiffSide(arg: string, overlay: Overlay, cwd: string): Promise<DiffSide> {
  const git = parseGitSide(arg);
  if (git)
    return withGitSpec(
      git,
      cwd,
      (dir) => readSpecFolder(dir, cwd),
      (d) => ({ diagnostics: [d] }),
    );
  const path = resolve(cwd, arg);
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (e) {
    return {
      diagnostics: [
        error(
          "diff.unreadable",
          `cannot read: ${(e as Error).message}`,
          { file: path },
          "give a Discovery document (JSON) or a spec folder",
        ),
      ],
    };
  }
  return isDir ? readSpecFolder(path, cwd) : readDiscovery(path, overlay);
}
