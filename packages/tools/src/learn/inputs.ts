// The payload files `spec learn` reads, each with the resource it is checked as and the side of the wire it came
// from: either one resource for files and folders named on the command line (folders searched for .json, .jsonl
// and .sse files), or a manifest.jsonl whose lines place each file (placement.ts). A path that cannot be read, a
// manifest line that cannot be parsed or placed, is a problem with its location, never a silent skip.
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parseJsonText } from "../util/json-text.ts";
import type { SpecIR } from "../spec/ir.ts";
import { Placer, type ManifestEntry, type Side } from "./placement.ts";
import type { Problem } from "./problems.ts";
import type { WireSide } from "./spec-view.ts";

export interface PayloadFile {
  /** Absolute path. */
  path: string;
  /** The name evidence gives it: relative to the source, with forward slashes. */
  name: string;
  resource: string;
  /** The side of the wire; undefined when the resource is sent and received alike. */
  side: Side | undefined;
}

export interface Inputs {
  /** Where the files are, relative to the working directory: the folder evidence `source` names. */
  source: string;
  files: PayloadFile[];
  problems: Problem[];
}

export const PAYLOAD_EXTENSIONS = /\.(json|jsonl|sse)$/;

const posix = (p: string) => p.split(sep).join("/");

/** Evidence paths hold no white space (the meta-schema's rule): such characters are percent-encoded. */
const evidencePath = (p: string) => posix(p).replace(/\s/g, (c) => encodeURIComponent(c));

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile() && PAYLOAD_EXTENSIONS.test(e.name)) out.push(p);
  }
  return out;
}

/** The deepest folder holding every path (absolute paths in, absolute path out). */
function commonFolder(paths: string[]): string {
  const split = paths.map((p) => dirname(p).split(sep));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/** The side files of a resource come from when no manifest says: the resource's own, unless it travels both ways. */
function sideOf(resource: string, sides: ReadonlyMap<string, WireSide>): Side | undefined {
  const side = sides.get(resource);
  return side === "both" ? undefined : side;
}

/** Files and folders as given, all checked as `resource`. */
export async function inputsFromPaths(
  cwd: string,
  resource: string,
  given: string[],
  sides: ReadonlyMap<string, WireSide>,
): Promise<Inputs> {
  const problems: Problem[] = [];
  const found: string[] = [];
  for (const arg of given) {
    const path = resolve(cwd, arg);
    try {
      if ((await stat(path)).isDirectory()) {
        const under = await filesUnder(path);
        if (under.length === 0)
          problems.push({ file: arg, code: "no-payloads", message: "the folder holds no .json, .jsonl or .sse file" });
        found.push(...under);
      } else found.push(path);
    } catch (e) {
      problems.push({ file: arg, code: "unreadable", message: `cannot read: ${(e as Error).message}` });
    }
  }
  const unique = [...new Set(found)];
  const root = commonFolder(unique.length > 0 ? unique : [join(cwd, "x")]);
  const side = sideOf(resource, sides);
  return {
    source: evidencePath(relative(cwd, root) || "."),
    files: unique.map((path) => ({ path, name: evidencePath(relative(root, path)), resource, side })),
    problems,
  };
}

/** The files a manifest.jsonl lists, placed by their URI, HTTP method, role and status. */
export async function inputsFromManifest(cwd: string, manifest: string, ir: SpecIR): Promise<Inputs> {
  const path = resolve(cwd, manifest);
  const root = dirname(path);
  const inputs: Inputs = { source: evidencePath(relative(cwd, root) || "."), files: [], problems: [] };
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    inputs.problems.push({
      file: manifest,
      code: "unreadable",
      message: `cannot read the manifest: ${(e as Error).message}`,
    });
    return inputs;
  }
  const placer = new Placer(ir);
  const where = (line: number) => `${evidencePath(manifest)}:${line}`;
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const at = { file: manifest, line: i + 1 };
    const parsed = parseJsonText(line, manifest);
    if (!parsed.ok) {
      inputs.problems.push({
        ...at,
        column: parsed.diagnostic.location.column,
        code: "invalid-manifest",
        message: parsed.diagnostic.message,
      });
      return;
    }
    const entry = asEntry(parsed.value);
    if (typeof entry === "string") {
      inputs.problems.push({ ...at, code: "invalid-manifest", message: entry });
      return;
    }
    const placement = placer.place(entry);
    if ("unplaced" in placement) {
      inputs.problems.push({ file: entry.file, code: "unplaced", message: placement.unplaced, origin: where(i + 1) });
      return;
    }
    inputs.files.push({
      path: resolve(root, entry.file),
      name: evidencePath(entry.file),
      resource: placement.resource,
      side: placement.side,
    });
  });
  return inputs;
}

/** A manifest line as an entry, or why it is none. */
function asEntry(value: unknown): ManifestEntry | string {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return "a manifest line must be a JSON object";
  // A recorder writes null for what it did not capture: the same as leaving the key out.
  const v = Object.fromEntries(Object.entries(value).filter(([, x]) => x !== null));
  if (typeof v["file"] !== "string" || v["file"] === "") return 'the line has no "file"';
  if (v["file"].startsWith("/") || v["file"].split("/").includes(".."))
    return `"file" must be a path inside the manifest's folder: ${v["file"]}`;
  if (v["role"] !== "request" && v["role"] !== "response" && v["role"] !== "stream")
    return `"role" must be "request", "response" or "stream"`;
  for (const key of ["uri", "method", "resource"] as const)
    if (v[key] !== undefined && typeof v[key] !== "string") return `"${key}" must be a string`;
  if (v["status"] !== undefined && typeof v["status"] !== "number") return `"status" must be a number`;
  return v as unknown as ManifestEntry;
}
