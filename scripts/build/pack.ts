// `npm run pack`: builds both packages (build.ts) and writes each tarball to dist/*.tgz.
// A package is packed from a staging folder holding exactly its "files" and a manifest for publishing: the
// "source" export conditions (TypeScript inside this repository) taken out, since the sources are not shipped, and
// the tools' dependency on the runtime pinned to the version packed beside it. The tools package also carries the
// spec (spec/ at the repository's root), which its generator and `spec` commands read.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build, ROOT, RUNTIME_DIR, TOOLS_DIR } from "./build.ts";

export const DIST_DIR = join(ROOT, "dist");
const STAGE_DIR = join(ROOT, ".tmp/pack");

interface Manifest {
  name: string;
  version: string;
  files: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

export interface PackedPackage {
  name: string;
  version: string;
  /** Path of the tarball. */
  tarball: string;
  /** Bytes of the tarball and of its contents unpacked. */
  size: number;
  unpackedSize: number;
  files: string[];
}

/** The exports map without "source" conditions, at any depth. */
function withoutSource(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "source")
      .map(([key, inner]) => [key, withoutSource(inner)]),
  );
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

/** Copies the package's "files" (and extra folders from elsewhere) into a fresh staging folder. */
function stage(dir: string, manifest: Manifest, extra: Record<string, string> = {}): string {
  const to = join(STAGE_DIR, manifest.name.replace("/", "__"));
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const entry of manifest.files) {
    const from = extra[entry] ?? join(dir, entry);
    cpSync(from, join(to, entry), { recursive: true });
  }
  const published = { ...manifest, exports: withoutSource(manifest.exports) };
  writeFileSync(join(to, "package.json"), `${JSON.stringify(published, null, 2)}\n`);
  return to;
}

async function npmPack(stageDir: string): Promise<PackedPackage> {
  mkdirSync(DIST_DIR, { recursive: true });
  const { stdout } = await promisify(execFile)(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", DIST_DIR],
    {
      cwd: stageDir,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const [report] = JSON.parse(stdout) as {
    name: string;
    version: string;
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  if (!report) throw new Error(`npm pack in ${relative(ROOT, stageDir)} reported nothing`);
  return {
    name: report.name,
    version: report.version,
    tarball: join(DIST_DIR, report.filename),
    size: report.size,
    unpackedSize: report.unpackedSize,
    files: report.files.map((f) => f.path).sort(),
  };
}

export async function packAll(
  options: { build?: boolean } = {},
): Promise<{ runtime: PackedPackage; tools: PackedPackage }> {
  if (options.build !== false) await build();
  rmSync(DIST_DIR, { recursive: true, force: true });
  const runtimeManifest = readManifest(RUNTIME_DIR);
  const toolsManifest = readManifest(TOOLS_DIR);
  const toolsPublished: Manifest = {
    ...toolsManifest,
    dependencies: { ...toolsManifest.dependencies, [runtimeManifest.name]: runtimeManifest.version },
  };
  const runtime = await npmPack(stage(RUNTIME_DIR, runtimeManifest));
  const tools = await npmPack(stage(TOOLS_DIR, toolsPublished, { spec: join(ROOT, "spec") }));
  return { runtime, tools };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  packAll().then(
    (packed) => {
      for (const p of Object.values(packed)) {
        console.log(
          `${relative(ROOT, p.tarball)}  ${p.name}@${p.version}: ${p.files.length} files, ${kib(p.size)} packed, ${kib(p.unpackedSize)} unpacked`,
        );
      }
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
