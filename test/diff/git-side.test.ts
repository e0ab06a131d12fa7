// Spec folders at git revisions as diff sides: the `git:REV[:DIR]` syntax, and reading this repository's history.
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";
import { parseGitSide } from "../../packages/tools/src/diff/git-side.ts";
import type { ClassifiedChange } from "../../packages/tools/src/diff/diff.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

describe("parseGitSide", () => {
  it.each([
    ["a revision", { given: "git:HEAD~2", want: { rev: "HEAD~2", dir: "spec" } }],
    ["a revision and a folder", { given: "git:v1.0:packages/spec", want: { rev: "v1.0", dir: "packages/spec" } }],
    ["an empty folder means spec", { given: "git:main:", want: { rev: "main", dir: "spec" } }],
    ["a path", { given: "spec", want: undefined }],
    ["a Windows-like path", { given: "C:/spec", want: undefined }],
  ])("%s", (_name, { given, want }) => {
    expect(parseGitSide(given)).toEqual(want);
  });
});

const inGit = existsSync(join(PROJECT_ROOT, ".git"));
if (!inGit) console.warn("[gemini-typekit tests] not a git checkout: diff on git revisions is skipped.");

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: PROJECT_ROOT };
  return { code: await main(["diff", ...args], io), stdout: () => stdout, stderr: () => stderr };
}

describe.skipIf(!inGit)("diff on git revisions of spec/", () => {
  it("the commit that added the Live API reports its pseudo-method and messages", async () => {
    // 63ae9f8: path-bound fields (issue 11); c5f6833: the Live API imported from the protos (issue 13).
    const r = await run(["git:63ae9f8", "git:c5f6833", "--json"]);
    expect(r.code).toBe(0);
    const { changes } = JSON.parse(r.stdout()) as { changes: ClassifiedChange[] };
    const pick = (path: string) => changes.filter((c) => c.path === path).map((c) => [c.rule, c.direction]);
    expect(pick("live.bidiGenerateContent")).toEqual([["method-added", "both"]]);
    expect(pick("BidiGenerateContentClientMessage")).toEqual([["resource-added", "request"]]);
    expect(pick("BidiGenerateContentServerMessage")).toEqual([["resource-added", "response"]]);
  });

  it("a revision git does not know is a located error, exit 1", async () => {
    const r = await run(["git:no-such-revision", "git:HEAD"]);
    expect(r.code).toBe(1);
    expect(r.stderr()).toMatch(/diff\.git-revision: cannot read spec\/ at revision no-such-revision/);
  });
});
