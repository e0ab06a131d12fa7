// The tools package as a user gets it: both tarballs installed into a fresh project (the tools' own dependencies come
// from npm's cache, which `npm ci` filled, or the registry for anything missing from it), then the installed
// `gemini-typekit` CLI and the library entry used as a user would, on plain node.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/shared.ts";
import { freshProject, npmInstall, REAL_RESPONSE, run, tarballs, TSC } from "./support.ts";

let app: string;
let cli: string;

beforeAll(async () => {
  const { runtime, tools } = await tarballs();
  app = freshProject("tools-app");
  await npmInstall(app, [runtime, tools], { offline: false });
  cli = join(app, "node_modules/.bin/gemini-typekit");
  writeFileSync(join(app, "invalid.json"), JSON.stringify({ candidates: [{ finishReason: 7, content: "text" }] }));
}, 240_000);

/** yargs' help output from the installed CLI's own code, in a child whose stdout is a pipe (as the build makes it). */
async function liveHelp(argv: string[]): Promise<string> {
  const main = pathToFileURL(join(app, "node_modules/gemini-typekit/dist/cli/main.js")).href;
  const script = `const { main } = await import(${JSON.stringify(main)}); let out = ""; await main(${JSON.stringify(argv)}, { stdout: (t) => (out += t), stderr: (t) => process.stderr.write(t), cwd: process.cwd() }); process.stdout.write(out);`;
  const result = await run(process.execPath, ["--input-type=module", "-e", script], app);
  expect(result.stderr).toBe("");
  return result.stdout;
}

describe("the installed CLI", () => {
  it("runs on plain node: no TypeScript loader installed or needed", () => {
    expect(existsSync(join(app, "node_modules/tsx"))).toBe(false);
    expect(existsSync(join(app, "node_modules/esbuild"))).toBe(false);
  });

  it.each([
    ["gemini-typekit --help", ["--help"]],
    ["gemini-typekit validate --help", ["validate", "--help"]],
    ["gemini-typekit to-schema -h", ["to-schema", "-h"]],
  ])("%s prints yargs' own help screen", async (_name, argv) => {
    const printed = await run(cli, argv, app);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain("gemini-typekit");
    expect(printed.stdout).toBe(await liveHelp(argv));
  });

  it("validates a real response (exit 0) and a broken one (exit 1, located)", async () => {
    const valid = await run(cli, ["validate", "GenerateContentResponse", REAL_RESPONSE], app);
    expect(valid.stderr).toBe("");
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain("valid");
    const invalid = await run(cli, ["validate", "GenerateContentResponse", "invalid.json", "--json"], app);
    expect(invalid.code).toBe(1);
    const report = JSON.parse(invalid.stdout) as {
      ok: boolean;
      results: { issues: { pointer: string; code: string }[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.results[0]!.issues).toContainEqual(
      expect.objectContaining({ pointer: "/candidates/0/content", code: "invalid-type" }),
    );
  });

  it("generates, from the spec it ships with, exactly what this repository's generated/ holds", async () => {
    const result = await run(cli, ["generate", "--out", "generated"], app);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const check = await run(
      cli,
      ["generate", "--check", "--out", join(PROJECT_ROOT, "packages/runtime/generated")],
      app,
    );
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    for (const file of ["types.ts", "validate.ts", "schemas/GenerateContentResponse.json"]) {
      expect(readFileSync(join(app, "generated", file), "utf8")).toBe(
        readFileSync(join(PROJECT_ROOT, "packages/runtime/generated", file), "utf8"),
      );
    }
  }, 60_000);

  it("reads the spec it ships with when the project has none", async () => {
    const stats = await run(cli, ["spec", "stats", "--json"], app);
    expect(stats.stderr).toBe("");
    expect(stats.code).toBe(0);
    expect((JSON.parse(stats.stdout) as { resources: number }).resources).toBeGreaterThan(100);
  });
});

describe("the library entry", () => {
  it("turns a TypeScript type into a response schema that lints clean", async () => {
    const result = await run(process.execPath, ["convert.mjs"], app);
    expect(result.stderr).toBe("");
    const { schema, errors, findings } = JSON.parse(result.stdout) as {
      schema: Record<string, unknown>;
      errors: number;
      findings: number;
    };
    expect(errors).toBe(0);
    expect(findings).toBe(0);
    expect(schema).toMatchObject({
      type: "object",
      properties: {
        name: { type: "string" },
        servings: { type: "integer" },
        steps: { type: "array", items: { type: "string" } },
      },
      required: ["name", "servings", "steps"],
    });
  });

  it("gives tsc the Integer brand's type", async () => {
    const result = await run(process.execPath, [TSC, "-p", "tsconfig.json"], app);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
