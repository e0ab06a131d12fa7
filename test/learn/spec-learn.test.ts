// `gemini-typekit spec learn` on the cases under test/learn/fixtures/<case>: each case's input/ (and case.json: the
// arguments) against expected/ — the printed report, the --json report, the exit code, and the corrections --write
// adds. UPDATE_FIXTURES=1 rewrites expected/. The --write rows work on a copy of spec/ and then prove the point of
// the proposals: with the corrections written, every body of the case is strictly valid (the spec's strict JSON
// Schemas, compiled by ajv), where before at least one was not; and `generate` emits the written spec, added fields and all.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import type { Corrections } from "../../packages/tools/src/spec/layers.ts";
import type { SpecIR } from "../../packages/tools/src/spec/ir.ts";
import { copyTree, tempDir } from "../support/tmp.ts";
import {
  caseBodies,
  learnCases,
  normalize,
  run,
  SPEC_DIR,
  strictValidators,
  UPDATE,
  type LearnCase,
} from "./support.ts";

function expectFixture(c: LearnCase, file: string, actual: string): void {
  const path = join(c.dir, "expected", file);
  if (UPDATE) {
    mkdirSync(join(c.dir, "expected"), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `${path} is missing: run with UPDATE_FIXTURES=1`).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const cases = learnCases();
const rows: [string, { given: LearnCase }][] = cases.map((c) => [`${c.name}: ${c.about}`, { given: c }]);

describe("spec learn: the report of each case", () => {
  it("has cases", () =>
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(["clean", "manifest", "responses"])));

  it.each(rows)("%s", async (_name, { given }) => {
    const human = await run(["spec", "learn", ...given.args, "--spec", SPEC_DIR], given.dir);
    const json = await run(["spec", "learn", ...given.args, "--spec", SPEC_DIR, "--json"], given.dir);
    expect(human.stderr).toBe("");
    expect(json.code).toBe(human.code);
    expectFixture(given, "stdout.txt", human.stdout);
    expectFixture(given, "report.json", json.stdout);
    expectFixture(given, "exit.json", `${JSON.stringify({ exit: human.code })}\n`);
  });
});

/** What --write added to corrections.json: entries absent before (none may be lost or changed). */
function addedEntries(before: Corrections, after: Corrections): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["addedResources", "addedFields", "relaxedRequired", "addedEnumValues"] as const) {
    const old = before[key];
    const now = after[key];
    if (Array.isArray(now)) {
      const kept = (old as unknown[] | undefined) ?? [];
      expect(now.slice(0, kept.length), `${key}: the entries written before stay as they were, first`).toEqual(kept);
      if (now.length > kept.length) out[key] = now.slice(kept.length);
    } else if (now) {
      const kept = (old ?? {}) as Record<string, unknown>;
      for (const [name, entry] of Object.entries(kept))
        expect((now as Record<string, unknown>)[name], `${key}.${name} stays`).toEqual(entry);
      const fresh = Object.entries(now).filter(([name]) => !(name in kept));
      if (fresh.length > 0) out[key] = Object.fromEntries(fresh);
    }
  }
  for (const key of Object.keys(before) as (keyof Corrections)[])
    if (!(key in out)) expect(after[key], `${key} stays`).toEqual(before[key]);
  return out;
}

async function invalidBodies(c: LearnCase, ir: SpecIR): Promise<string[]> {
  const check = strictValidators(ir);
  const failing: string[] = [];
  for (const body of await caseBodies(c, ir)) {
    const validate = check(body.resource);
    if (!validate(normalize(ir, body.resource, body.value)))
      failing.push(
        `${body.where} (${body.resource}): ${JSON.stringify(validate.errors?.map((e) => `${e.instancePath} ${e.message}`))}`,
      );
  }
  return failing;
}

describe("spec learn --write: the corrections make the payloads strictly valid", () => {
  const writing = rows.filter(([, { given }]) => given.name !== "clean");

  it.each(writing)("%s", async (_name, { given }) => {
    const spec = join(tempDir("gtk-learn-"), "spec");
    copyTree(SPEC_DIR, spec);
    const file = join(spec, "overlay", "corrections.json");
    const before = JSON.parse(readFileSync(file, "utf8")) as Corrections;
    const { ir: irBefore } = await loadSpec(spec);
    expect(
      await invalidBodies(given, irBefore!),
      "before the write, the spec does not explain the payloads",
    ).not.toEqual([]);

    const written = await run(["spec", "learn", ...given.args, "--spec", spec, "--write"], given.dir);
    expect(written.stderr).toBe("");
    expect(written.stdout).toMatch(/Wrote \d+ new and 0 updated corrections to /);
    const after = JSON.parse(readFileSync(file, "utf8")) as Corrections;
    expectFixture(given, "written.json", `${JSON.stringify(addedEntries(before, after), null, 2)}\n`);

    const { ir: irAfter, diagnostics } = await loadSpec(spec);
    expect(irAfter, JSON.stringify(diagnostics)).toBeDefined();
    expect(await invalidBodies(given, irAfter!)).toEqual([]);

    // Then `generate` takes the written spec as it is: every output is emitted, and each added field is in the types.
    const out = join(spec, "..", "generated");
    const generated = await run(["generate", "--spec", spec, "--out", out], given.dir);
    expect(generated.code, generated.stderr).toBe(0);
    const types = readFileSync(join(out, "types.ts"), "utf8");
    for (const added of after.addedFields ?? []) {
      if ((before.addedFields ?? []).some((b) => b.field === added.field)) continue;
      expect(types, `${added.field} in the generated types`).toMatch(
        new RegExp(`^\\s*${added.field.split(".")[1]}\\??:`, "m"),
      );
    }

    // Again: the spec now has every correction (the generated validators do not yet): nothing new is added, and
    // merging the same evidence into the entries written leaves the file as it was.
    const text = readFileSync(file, "utf8");
    const again = await run(["spec", "learn", ...given.args, "--spec", spec, "--write", "--json"], given.dir);
    const report = JSON.parse(again.stdout) as { written: { added: number }; findings: { kind: string }[] };
    expect(report.written.added).toBe(0);
    expect(report.findings.filter((f) => ["addedField", "addedEnumValue", "relaxedRequired"].includes(f.kind))).toEqual(
      [],
    );
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});

describe("spec learn: usage errors", () => {
  const responses = cases.find((c) => c.name === "responses")!;
  const usage: [string, { given: string[]; want: { code: number; stderr: RegExp } }][] = [
    [
      "no resource nor manifest",
      { given: ["spec", "learn"], want: { code: 2, stderr: /needs a resource and at least one file/ } },
    ],
    [
      "a resource without files",
      {
        given: ["spec", "learn", "GenerateContentResponse"],
        want: { code: 2, stderr: /needs a resource and at least one file/ },
      },
    ],
    [
      "a manifest and files",
      {
        given: ["spec", "learn", "GenerateContentResponse", "input", "--manifest", "m.jsonl"],
        want: { code: 2, stderr: /--manifest places every file itself/ },
      },
    ],
    [
      "an unknown resource",
      {
        given: ["spec", "learn", "GenerateContentResponze", "input"],
        want: { code: 2, stderr: /No resource named "GenerateContentResponze"/ },
      },
    ],
    [
      "--write with another action",
      { given: ["spec", "check", "--write"], want: { code: 2, stderr: /--write only goes with `spec learn`/ } },
    ],
    [
      "files with another action",
      { given: ["spec", "stats", "input"], want: { code: 2, stderr: /`spec stats` takes no files: input/ } },
    ],
    [
      "--write without a spec of one's own (never the shipped one)",
      {
        given: ["spec", "learn", "GenerateContentResponse", "input", "--write"],
        want: { code: 2, stderr: /there is none at spec: name one with --spec/ },
      },
    ],
  ];
  it.each(usage)("%s", async (_name, { given, want }) => {
    const r = await run(
      given.includes("--write") && given.includes("learn") ? given : [...given, "--spec", SPEC_DIR],
      responses.dir,
    );
    expect(r.code).toBe(want.code);
    expect(r.stderr).toMatch(want.stderr);
  });

  it("a path that does not exist is a located problem, counted, exit 1", async () => {
    const r = await run(
      ["spec", "learn", "GenerateContentResponse", "input/clean.json", "nowhere", "--spec", SPEC_DIR, "--json"],
      cases.find((c) => c.name === "clean")!.dir,
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { problems: { file: string; code: string }[] };
    expect(report.problems).toEqual([
      expect.objectContaining({ file: "input/clean.json", code: "unreadable" }),
      expect.objectContaining({ file: "nowhere", code: "unreadable" }),
    ]);
  });

  it("bytes that are not UTF-8 are a located problem, never evidence with replacement characters", async () => {
    const dir = tempDir("gtk-learn-utf8-");
    // {"candidates": [], "x\xFF": 1}: an unknown key whose bytes are not UTF-8
    writeFileSync(
      join(dir, "bad.json"),
      Buffer.concat([Buffer.from('{"candidates": [],\n "x'), Buffer.from([0xff]), Buffer.from('": 1}')]),
    );
    const r = await run(["spec", "learn", "GenerateContentResponse", "bad.json", "--spec", SPEC_DIR, "--json"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      problems: { file: string; code: string; message: string; line: number; column: number }[];
      findings: unknown[];
    };
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: "bad.json",
        code: "invalid-json",
        message: "not valid UTF-8 at byte 22 (0xFF)",
        line: 2,
        column: 4,
      }),
    ]);
    expect(report.findings).toEqual([]);
  });
});
