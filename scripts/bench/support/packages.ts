// The packages as a user gets them, for the benches: the tarballs (dist/*.tgz, reused when newer than everything
// they are built from, packed by scripts/build/pack.ts otherwise), the runtime's built JavaScript
// (packages/runtime/dist, rebuilt when stale), and fresh projects in the system's temporary folder to install them into.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { build, buildRuntime, NODE_BUNDLE, ROOT, RUNTIME_DIR, TOOLS_DIR } from "../../build/build.ts";
import { DIST_DIR, packAll, type PackedPackage } from "../../build/pack.ts";

const run = promisify(execFile);

/** What the runtime's dist is built from. */
const RUNTIME_INPUTS = ["src", "generated", "package.json", "tsconfig.build.json", "tsconfig.cjs.json"].map((p) =>
  join(RUNTIME_DIR, p),
);
/** What the tarballs are packed from: both packages, the spec the tools carry, and the build scripts. */
const PACK_INPUTS = [
  ...RUNTIME_INPUTS,
  join(RUNTIME_DIR, "README.md"),
  ...["src", "bin", "package.json", "README.md", "tsconfig.build.json"].map((p) => join(TOOLS_DIR, p)),
  join(ROOT, "spec"),
  join(ROOT, "scripts/build"),
];

/** The latest modification time (ms) of any file at or under the given paths (missing paths count as nothing). */
function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) newest = Math.max(newest, stat.mtimeMs);
    else
      for (const entry of readdirSync(path, { recursive: true }))
        newest = Math.max(newest, statSync(join(path, String(entry))).mtimeMs);
  }
  return newest;
}

function oldestMtime(paths: readonly string[]): number {
  return Math.min(...paths.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
}

function tarballsInDist(): { runtime: string; tools: string } | undefined {
  if (!existsSync(DIST_DIR)) return undefined;
  const files = readdirSync(DIST_DIR);
  const runtime = files.find((f) => /^gemini-typekit-runtime-.*\.tgz$/.test(f));
  const tools = files.find((f) => /^gemini-typekit-\d.*\.tgz$/.test(f));
  return runtime && tools ? { runtime: join(DIST_DIR, runtime), tools: join(DIST_DIR, tools) } : undefined;
}

/** What `npm pack` reports about an existing tarball (the same report packAll() reads while packing). */
async function describeTarball(tarball: string): Promise<PackedPackage> {
  const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", tarball], {
    cwd: tmpdir(),
    maxBuffer: 64 * 1024 * 1024,
  });
  const [report] = JSON.parse(stdout) as {
    name: string;
    version: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  if (!report) throw new Error(`npm pack --dry-run ${relative(ROOT, tarball)} reported nothing`);
  return {
    name: report.name,
    version: report.version,
    tarball,
    size: report.size,
    unpackedSize: report.unpackedSize,
    files: report.files.map((f) => f.path).sort(),
  };
}

export interface Tarballs {
  runtime: PackedPackage;
  tools: PackedPackage;
  /** True when this run packed them; false when fresh ones in dist/ were reused. */
  packed: boolean;
}

/** The tarballs of both packages, packed (build included) unless dist/ holds ones newer than all their inputs. */
export async function freshTarballs(options: { forcePack?: boolean; onPack?: () => void } = {}): Promise<Tarballs> {
  const found = tarballsInDist();
  if (!options.forcePack && found && oldestMtime([found.runtime, found.tools]) > newestMtime(PACK_INPUTS)) {
    const [runtime, tools] = await Promise.all([describeTarball(found.runtime), describeTarball(found.tools)]);
    return { runtime, tools, packed: false };
  }
  options.onPack?.();
  return { ...(await packAll()), packed: true };
}

/** packages/runtime/dist/esm, the JavaScript the runtime package ships, built first if missing or older than its sources. */
export async function builtRuntimeEsm(): Promise<{ dir: string; rebuilt: boolean }> {
  const dir = join(RUNTIME_DIR, "dist/esm");
  const markers = [join(dir, "src/index.js"), join(dir, NODE_BUNDLE), join(RUNTIME_DIR, "dist/cjs/package.json")];
  const fresh = oldestMtime(markers) > newestMtime(RUNTIME_INPUTS);
  if (!fresh) await buildRuntime();
  return { dir, rebuilt: !fresh };
}

/** packages/tools/bin/gemini-typekit.js, the installed CLI, with both packages built first if older than their sources. */
export async function builtToolsCli(): Promise<{ bin: string; rebuilt: boolean }> {
  const inputs = [...RUNTIME_INPUTS, ...["src", "package.json", "tsconfig.build.json"].map((p) => join(TOOLS_DIR, p))];
  const markers = [join(TOOLS_DIR, "dist/index.js"), join(RUNTIME_DIR, "dist/esm/src/index.js")];
  const fresh = oldestMtime(markers) > newestMtime(inputs);
  if (!fresh) await build();
  return { bin: join(TOOLS_DIR, "bin/gemini-typekit.js"), rebuilt: !fresh };
}

/** A fresh project (ESM package.json) in the system's temporary folder with the given tarballs installed. */
export async function installedProject(
  name: string,
  tarballs: readonly string[],
  options: { offline: boolean },
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `gtk-bench-${name}-`));
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: `bench-${name}`, private: true, type: "module" }, null, 2)}\n`,
  );
  const args = [
    "install",
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
    options.offline ? "--offline" : "--prefer-offline",
    ...tarballs,
  ];
  try {
    await run("npm", args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const { stderr } = e as { stderr?: string };
    throw new Error(`npm ${args.join(" ")} failed in ${dir}:\n${stderr ?? String(e)}`, { cause: e });
  }
  return dir;
}
