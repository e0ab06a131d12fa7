// `spec check --todo`: every missing description and enum name, at the overlay file and JSON Pointer to write it,
// and a named enum suggested for an unnamed one with exactly its values.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";
import { runImport } from "../../packages/tools/src/import/run.ts";
import { discoveryDoc, generateContentMethod } from "../support/discovery-fragment.ts";
import { tempDir, writeTree } from "../support/tmp.ts";

let root: string;

beforeAll(async () => {
  root = tempDir();
  const tier = { type: "string", enum: ["STANDARD", "FLEX"] };
  writeTree(root, {
    "discovery.json": discoveryDoc(
      {
        Req: { properties: { contents: { type: "array", items: { $ref: "Content" } }, serviceTier: tier } },
        Res: { properties: { usedTier: tier, finishReason: { type: "string", enum: ["STOP", "OTHER"] } } },
        Content: { properties: { role: { type: "string" } } },
      },
      { generateContent: generateContentMethod() },
    ),
    "spec/overlay/enums/ServiceTier.json": {
      usedBy: ["Req.serviceTier"],
      description: "How the request is served.",
      values: { STANDARD: "Usual capacity." },
    },
    "spec/overlay/resources/Content.json": { description: "A turn.", fields: { role: "Who speaks." } },
    "spec/overlay/methods.json": { "models.generateContent": "Generates a response." },
  });
  const r = await runImport({ discovery: join(root, "discovery.json"), specDir: join(root, "spec") }, root);
  expect(r.ok).toBe(true);
});

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: root };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("spec check --todo", () => {
  it("lists each missing text where it goes, and suggests the enum with the same values", async () => {
    const { code, stdout } = await run(["spec", "check", "--spec", "spec", "--todo", "--json"]);
    expect(code).toBe(0);
    const { todo } = JSON.parse(stdout) as { todo: unknown[] };
    expect(todo).toEqual([
      { kind: "description", subject: "Req", file: "spec/overlay/resources/Req.json", pointer: "/description" },
      {
        kind: "description",
        subject: "Req.contents",
        file: "spec/overlay/resources/Req.json",
        pointer: "/fields/contents",
      },
      {
        kind: "description",
        subject: "Req.serviceTier",
        file: "spec/overlay/resources/Req.json",
        pointer: "/fields/serviceTier",
      },
      { kind: "description", subject: "Res", file: "spec/overlay/resources/Res.json", pointer: "/description" },
      {
        kind: "description",
        subject: "Res.finishReason",
        file: "spec/overlay/resources/Res.json",
        pointer: "/fields/finishReason",
      },
      {
        kind: "description",
        subject: "Res.usedTier",
        file: "spec/overlay/resources/Res.json",
        pointer: "/fields/usedTier",
      },
      {
        kind: "enum-name",
        subject: "Res.finishReason",
        file: "spec/overlay/enums/ResFinishReason.json",
        pointer: "/usedBy",
      },
      {
        kind: "enum-name",
        subject: "Res.usedTier",
        file: "spec/overlay/enums/ResUsedTier.json",
        pointer: "/usedBy",
        suggestion:
          "Res.usedTier has exactly the values of ServiceTier: add it to the usedBy of spec/overlay/enums/ServiceTier.json",
      },
      {
        kind: "description",
        subject: "ServiceTier.FLEX",
        file: "spec/overlay/enums/ServiceTier.json",
        pointer: "/values/FLEX",
      },
    ]);
  });

  it("prints the list in text, one located line each, with a count", async () => {
    const { code, stdout } = await run(["spec", "check", "--spec", "spec", "--todo"]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "spec/overlay/enums/ServiceTier.json #/values/FLEX: todo description: ServiceTier.FLEX has no description\n",
    );
    expect(stdout).toContain("\n  suggestion: Res.usedTier has exactly the values of ServiceTier");
    expect(stdout).toContain("7 missing descriptions, 2 enums without a name\n");
  });

  it.each([["stats"], ["learn"]])("--todo with spec %s is a usage error", async (action) => {
    const { code, stderr } = await run(["spec", action, "--spec", "spec", "--todo"]);
    expect(code).toBe(2);
    expect(stderr).toBe("--todo only goes with `spec check`\n");
  });
});
