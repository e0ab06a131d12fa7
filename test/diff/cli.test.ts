// `gemini-typekit diff` in-process: exit codes with --fail-on, the --json shape, round trips over the shared
// Discovery revisions in both directions, and spec folders as sides.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";
import { failsOn } from "../../packages/tools/src/diff/run.ts";
import type { ClassifiedChange } from "../../packages/tools/src/diff/diff.ts";
import { readFileSync } from "node:fs";
import { hasShared, PROJECT_ROOT, UPSTREAM } from "../support/shared.ts";
import { tempDir, writeTree } from "../support/tmp.ts";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: PROJECT_ROOT };
  const code = await main(["diff", ...args], io);
  return { code, stdout, stderr };
}

const change = (level: ClassifiedChange["level"]): ClassifiedChange => ({
  kind: "added",
  subject: "field",
  path: "A.b",
  rule: "x",
  level,
  direction: "both",
});

describe("--fail-on", () => {
  it.each([
    ["no changes, breaking", { levels: [], failOn: "breaking", want: false }],
    ["info only, warning", { levels: ["info"], failOn: "warning", want: false }],
    ["warning, breaking", { levels: ["warning", "info"], failOn: "breaking", want: false }],
    ["warning, warning", { levels: ["warning"], failOn: "warning", want: true }],
    ["breaking, warning", { levels: ["breaking"], failOn: "warning", want: true }],
    ["breaking, breaking", { levels: ["info", "breaking"], failOn: "breaking", want: true }],
    ["breaking, not given", { levels: ["breaking"], failOn: undefined, want: false }],
  ] as const)("%s", (_name, { levels, failOn, want }) => {
    expect(failsOn({ to: "2", changes: levels.map(change) }, failOn)).toBe(want);
  });
});

describe.skipIf(!hasShared)("gemini-typekit diff on the shared revisions", () => {
  const revisions = [UPSTREAM.discovery20250612, UPSTREAM.discovery20251028, UPSTREAM.discovery];

  it.each([
    [
      "breaking changes, --fail-on breaking",
      { args: [UPSTREAM.discovery20251028, UPSTREAM.discovery, "--fail-on", "breaking"], want: 1 },
    ],
    [
      "breaking changes, --fail-on warning",
      { args: [UPSTREAM.discovery20251028, UPSTREAM.discovery, "--fail-on", "warning"], want: 1 },
    ],
    ["breaking changes, no --fail-on", { args: [UPSTREAM.discovery20251028, UPSTREAM.discovery], want: 0 }],
    [
      "the same document, --fail-on warning",
      { args: [UPSTREAM.discovery, UPSTREAM.discovery, "--fail-on", "warning"], want: 0 },
    ],
    ["the project spec against itself", { args: ["spec", "spec", "--fail-on", "warning"], want: 0 }],
    ["a bad --fail-on", { args: [UPSTREAM.discovery, UPSTREAM.discovery, "--fail-on", "severe"], want: 2 }],
  ])("%s exits %#", async (_name, { args, want }) => {
    expect((await run(args)).code).toBe(want);
  });

  it("a failing --fail-on says why on stderr", async () => {
    const { code, stderr } = await run([UPSTREAM.discovery20251028, UPSTREAM.discovery, "--fail-on", "warning"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^--fail-on warning: \d+ breaking and \d+ warning change\(s\)\.$/m);
  });

  it("a side that cannot be read is an error that names it", async () => {
    const { code, stderr } = await run([join(PROJECT_ROOT, "no-such.json"), UPSTREAM.discovery]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no-such\.json.*cannot read/);
  });

  it("--json gives every change its rule, level and direction, and lists prose apart", async () => {
    const { stdout } = await run([UPSTREAM.discovery20251028, UPSTREAM.discovery, "--json"]);
    const { changes, prose } = JSON.parse(stdout) as { changes: ClassifiedChange[]; prose: { path: string }[] };
    const pick = (path: string) => changes.filter((c) => c.path === path).map((c) => [c.rule, c.level, c.direction]);
    expect(pick("Candidate.finishReason#MALFORMED_RESPONSE")).toEqual([
      ["response-enum-value-added", "warning", "response"],
    ]);
    expect(pick("ExecutableCode.language#BASH")).toEqual([["enum-value-removed", "breaking", "both"]]);
    expect(pick("GroundingSupport")).toEqual([["resource-upstream-renamed", "info", "response"]]);
    expect(pick("FileSearch.fileSearchStoreNames")).toEqual([["request-field-added-required", "breaking", "both"]]);
    expect(changes.every((c) => c.rule !== "unclassified-change")).toBe(true);
    expect(prose.map((p) => p.path)).toContain("Web.title");
  });

  it.each([
    [0, 1],
    [1, 2],
    [0, 2],
  ])("revisions %i and %i: what one direction adds, the other removes", async (i, j) => {
    const parse = async (a: string, b: string) =>
      (JSON.parse((await run([a, b, "--json"])).stdout) as { changes: ClassifiedChange[] }).changes;
    const forward = await parse(revisions[i]!, revisions[j]!);
    const backward = await parse(revisions[j]!, revisions[i]!);
    const paths = (cs: ClassifiedChange[], kind: string) =>
      cs
        .filter((c) => c.kind === kind)
        .map((c) => `${c.subject} ${c.path}`)
        .sort();
    expect(forward.length).toBeGreaterThan(0);
    expect([...forward, ...backward].filter((c) => c.rule === "unclassified-change").map((c) => c.path)).toEqual([]);
    expect(paths(forward, "added")).toEqual(paths(backward, "removed"));
    expect(paths(forward, "removed")).toEqual(paths(backward, "added"));
    expect(paths(forward, "changed")).toEqual(paths(backward, "changed"));
  });

  // Revisions 20251009 → 20251015 lowered media.upload's maxSize from 2 GiB to 100 MB (issue 14); the shared
  // revisions all say 2 GiB, so the newer side is 20260325 with only that number changed.
  it.each([
    [
      "lowered",
      { maxSize: "104857600", want: [["method-upload-limit-decreased", "breaking", "2147483648", "104857600"]] },
    ],
    [
      "raised",
      { maxSize: "4294967296", want: [["method-upload-limit-increased", "info", "2147483648", "4294967296"]] },
    ],
  ])("an upload limit %s is reported on media.upload", async (_name, { maxSize, want }) => {
    const doc = JSON.parse(readFileSync(UPSTREAM.discovery, "utf8")) as {
      resources: { media: { methods: { upload: { mediaUpload: { maxSize: string } } } } };
    };
    doc.resources.media.methods.upload.mediaUpload.maxSize = maxSize;
    const dir = tempDir();
    writeTree(dir, { "new.json": doc });
    const { code, stdout } = await run([UPSTREAM.discovery, join(dir, "new.json"), "--json", "--fail-on", "breaking"]);
    const { changes } = JSON.parse(stdout) as { changes: ClassifiedChange[] };
    expect(changes.map((c) => [c.rule, c.level, c.before, c.after])).toEqual(want);
    expect(changes[0]!.path).toBe("media.upload");
    expect(code).toBe(want[0]![1] === "breaking" ? 1 : 0);
  });
});
