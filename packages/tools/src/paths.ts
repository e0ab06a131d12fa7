// Where the tools package's own files are. The same code runs from its TypeScript sources (packages/tools/src in
// this repository) and built (dist/ of the installed package), both one folder below the package root. The spec
// lives at the repository's root and is copied into the package when it is packed (scripts/build/pack.ts).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The package's root folder (holding package.json, bin/, and spec/ once packed). */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The spec that ships with the tools: spec/ of the installed package, or the repository's spec/. */
export const SHIPPED_SPEC_DIR = existsSync(join(PACKAGE_ROOT, "spec"))
  ? join(PACKAGE_ROOT, "spec")
  : join(PACKAGE_ROOT, "..", "..", "spec");

/** The extension of this package's modules as they run: ".ts" from the sources, ".js" once built. */
export const MODULE_EXTENSION = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
