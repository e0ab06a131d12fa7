// Consumer tests' support: the packed tarballs (dist/*.tgz, written by `npm run pack`, which `npm test` runs before
// vitest; packed here when absent) installed into fresh projects in the system's temporary folder, as a user would.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "../support/shared.ts";

export const FIXTURES = join(PROJECT_ROOT, "test/packages/fixtures");
export const DIST = join(PROJECT_ROOT, "dist");
/** The project's own recorded response (test/fixtures/recorded: a real call's body). */
export const REAL_RESPONSE = join(PROJECT_ROOT, "test/fixtures/recorded/generate/seed000-text.response.json");
export const TSC = join(PROJECT_ROOT, "node_modules/typescript/bin/tsc");

export interface Tarballs {
  runtime: string;
  tools: string;
}

function findTarballs(): Tarballs | undefined {
  if (!existsSync(DIST)) return undefined;
  const files = readdirSync(DIST);
  const runtime = files.find((f) => /^gemini-typekit-runtime-.*\.tgz$/.test(f));
  const tools = files.find((f) => /^gemini-typekit-\d.*\.tgz$/.test(f));
  return runtime && tools ? { runtime: join(DIST, runtime), tools: join(DIST, tools) } : undefined;
}

let packing: Promise<Tarballs> | undefined;

/** The tarballs in dist/, packed first when they are not there. */
export function tarballs(): Promise<Tarballs> {
  const found = findTarballs();
  if (found) return Promise.resolve(found);
  packing ??= import("../../scripts/build/pack.ts").then(async ({ packAll }) => {
    await packAll();
    return findTarballs()!;
  });
  return packing;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command and returns its exit code and output (a non-zero exit is a result, not an exception). */
export async function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const { code, stdout, stderr } = e as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof code === "number" ? code : -1, stdout: stdout ?? "", stderr: stderr ?? String(e) };
  }
}

/** A fresh project folder holding a package.json and a copy of the named fixture app. */
export function freshProject(app: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gemini-typekit-${app}-`));
  cpSync(join(FIXTURES, app), dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: `consumer-${app}`, private: true, type: "module" }, null, 2)}\n`,
  );
  return dir;
}

/**
 * `npm install` of the given tarballs. `offline`: nothing may come from the registry (the runtime has no
 * dependencies); otherwise npm takes the tools' dependencies from its cache (filled by `npm ci`) and asks the
 * registry only for what the cache lacks.
 */
export async function npmInstall(dir: string, packages: string[], options: { offline: boolean }): Promise<void> {
  const args = [
    "install",
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
    options.offline ? "--offline" : "--prefer-offline",
    ...packages,
  ];
  const result = await run("npm", args, dir);
  if (result.code !== 0)
    throw new Error(`npm ${args.join(" ")} failed in ${dir} (exit ${result.code}):\n${result.stderr}`);
}
