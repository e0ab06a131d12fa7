// The CLI in-process: --help on every command, exit codes (0 ok, 1 invalid, 2 usage), and stats output.
import { describe, expect, it } from "vitest";
import { discoveryDoc } from "./support/discovery-fragment.ts";
import { join } from "node:path";
import { main } from "../packages/tools/src/cli/main.ts";
import type { CliIo } from "../packages/tools/src/cli/command.ts";
import { hasShared, PROJECT_ROOT, UPSTREAM } from "./support/shared.ts";
import { tempDir, writeTree } from "./support/tmp.ts";

async function run(args: string[], cwd = PROJECT_ROOT) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("gemini-typekit CLI", () => {
  it.each([["--help"], ["import", "--help"], ["spec", "--help"]])("%s %s prints help and exits 0", async (...args) => {
    const { code, stdout } = await run(args.filter(Boolean));
    expect(code).toBe(0);
    expect(stdout).toMatch(/gemini-typekit/);
  });

  it.each([
    ["no command", []],
    ["unknown command", ["frobnicate"]],
    ["unknown option", ["spec", "stats", "--colour"]],
    ["bad choice", ["spec", "explode"]],
    ["missing positional", ["import"]],
  ])("usage error (%s) exits 2", async (_name, args) => {
    const { code, stderr } = await run(args as string[]);
    expect(code).toBe(2);
    expect(stderr).not.toBe("");
  });

  it("spec check on the project spec exits 0", async () => {
    const { code, stdout } = await run(["spec", "check"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^spec is valid: \d+ resources/);
  });

  it("import of a file that is not JSON exits 1 with a located error", async () => {
    const dir = tempDir();
    writeTree(dir, { "bad.json": "{ nope" });
    const { code, stderr } = await run(["import", "bad.json", "--spec", "spec"], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^bad\.json:1:\d+: error json\.syntax/m);
    expect(stderr).toMatch(/spec\/ was not changed/);
  });

  it("a refused import still prints what the new document changes, beside the errors that refuse it (--json too)", async () => {
    const dir = tempDir();
    // Two upstream names of one rename history in the same document: the merge refuses it (spec.rename-collision).
    const renames = ["V1alpha", "V1beta"].map((v) => ({
      upstream: `GoogleAiGenerativelanguage${v}Segment`,
      name: "Segment",
      reason: "one public name across upstream renames",
    }));
    writeTree(dir, {
      "discovery.json": discoveryDoc({
        GoogleAiGenerativelanguageV1alphaSegment: { properties: {} },
        GoogleAiGenerativelanguageV1betaSegment: { properties: {} },
      }),
      "spec/overlay/corrections.json": { renames },
    });
    const text = await run(["import", "discovery.json", "--spec", "spec"], dir);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/error spec\.rename-collision/);
    expect(text.stderr).toMatch(/import refused: spec\/ was not changed\. Fix the overlay/);
    expect(text.stdout).toMatch(/First import: revision 20260101[\s\S]*resource: \+2 /);
    const json = await run(["import", "discovery.json", "--spec", "spec", "--json"], dir);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      refused: boolean;
      written: boolean;
      changes: unknown[];
      diagnostics: { code: string }[];
    };
    expect(report).toMatchObject({ refused: true, written: false });
    expect(report.changes.length).toBeGreaterThan(0);
    expect(report.diagnostics.map((d) => d.code)).toContain("spec.rename-collision");
  });

  it("spec check on a broken spec exits 1 and names file and pointer", async () => {
    const dir = tempDir();
    writeTree(dir, { "spec/imported/service.json": { name: "x" } });
    const { code, stderr } = await run(["spec", "check"], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/spec\/imported\/service\.json #: error spec\.meta\.required: missing property "version"/);
  });

  it.skipIf(!hasShared)("spec stats --against --json carries coverage objects", async () => {
    const { code, stdout } = await run(["spec", "stats", "--json", "--against", UPSTREAM.discovery]);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    for (const key of ["schemas", "properties", "enumFields", "enumValues", "methods"])
      expect(stats.coverage[key]).toMatchObject({ covered: expect.any(Number), total: expect.any(Number) });
    expect(stats.coverage.properties).toMatchObject({ covered: 608, total: 608 });
    // Discovery's 81 methods plus the Live API's pseudo-method live.bidiGenerateContent (from the protos).
    expect(stats.methods).toBe(82);
    expect(stats.coverage.methods).toMatchObject({ covered: 81, total: 81 });
    expect(stats.live).toMatchObject({ resources: expect.any(Number), onlyLive: { resources: 15, enums: 0 } });
  });

  it.skipIf(!hasShared)("import --dry-run --json reports without writing", async () => {
    const dir = join(tempDir(), "spec");
    const { code, stdout } = await run(["import", UPSTREAM.discovery20251028, "--spec", dir, "--dry-run", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ written: false, to: "20251028" });
  });
});
