// A refused import still shows what the new document changes when the document could be read: errors in what it
// says (a dangling $ref the overlay must correct, a parameter type the spec cannot say) as well as a refusal by the
// overlay (a rename conflict) print the change report beside the located errors, as text and as --json with
// `refused: true`. A file that is not JSON or not shaped as Discovery, or a companion input (protos) that cannot be
// read, has no report. Whatever happens, spec/ is left byte for byte as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";
import { discoveryDoc, generateContentMethod } from "../support/discovery-fragment.ts";
import { copyTree, tempDir, writeTree } from "../support/tmp.ts";

async function run(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Every file under dir with its content, to show nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

const SCHEMAS = {
  Req: { properties: { parts: { type: "array", items: { $ref: "Part" } } } },
  Res: { properties: {} },
  Part: { properties: { text: { type: "string" } } },
};

/** Revision 20260202: Part gains `thought` (a change the report must show) plus whatever the row breaks. */
const next = (part: Record<string, unknown> = {}, method: Record<string, unknown> = generateContentMethod()) =>
  discoveryDoc(
    { ...SCHEMAS, Part: { properties: { text: { type: "string" }, thought: { type: "boolean" }, ...part } } },
    { generateContent: method },
    "20260202",
  );

interface Row {
  given: { files: Record<string, unknown>; args?: string[] };
  want: {
    /** code, JSON Pointer and (part of) the hint of each error, in order. */
    errors: { code: string; pointer?: string; hint?: RegExp }[];
    /** Lines the text report must hold; undefined: no report at all. */
    report?: string[];
  };
}

const THOUGHT_ADDED = "+ Part.thought";
const rows: [string, Row][] = [
  [
    "a dangling $ref the overlay does not correct",
    {
      given: { files: { "next.json": next({ mediaResolution: { $ref: "MediaResolution" } }) } },
      want: {
        errors: [
          {
            code: "import.unresolved-ref",
            pointer: "/schemas/Part/properties/mediaResolution/$ref",
            hint: /add a fieldTypes correction to spec\/overlay\/corrections\.json/,
          },
        ],
        report: ["Changes from revision 20260101 to 20260202:", THOUGHT_ADDED, "+ Part.mediaResolution"],
      },
    },
  ],
  [
    "a parameter type the spec cannot say",
    {
      given: {
        files: {
          "next.json": next(
            {},
            {
              ...generateContentMethod(),
              parameters: {
                ...generateContentMethod().parameters,
                when: { location: "query", type: "string", format: "google-someday" },
              },
            },
          ),
        },
      },
      want: {
        errors: [
          { code: "discovery.parameter-type", pointer: "/resources/models/methods/generateContent/parameters/when" },
        ],
        report: [THOUGHT_ADDED],
      },
    },
  ],
  [
    "a rename conflict in the overlay (refused at the merge)",
    {
      given: {
        files: {
          "next.json": next(),
          "spec/overlay/corrections.json": {
            renames: [
              { upstream: "Res", name: "Response", reason: "a clearer name" },
              { upstream: "Res", name: "Result", reason: "a clearer name" },
            ],
          },
        },
      },
      want: {
        errors: [{ code: "spec.rename-conflict", pointer: "/renames/1", hint: /#\/renames\/0 \(→ "Response"\)/ }],
        report: [THOUGHT_ADDED],
      },
    },
  ],
  [
    "a file that is not JSON",
    { given: { files: { "next.json": '{ "kind": ' } }, want: { errors: [{ code: "json.syntax" }] } },
  ],
  [
    "JSON that is not a Discovery document",
    {
      given: { files: { "next.json": { ...next(), kind: "openapi" } } },
      want: { errors: [{ code: "discovery.kind", pointer: "/kind" }] },
    },
  ],
  [
    "a dangling $ref while the protos asked for cannot be read (a report without them would be wrong)",
    {
      given: {
        files: { "next.json": next({ mediaResolution: { $ref: "MediaResolution" } }) },
        args: ["--protos", "no-such-dir"],
      },
      want: {
        errors: [
          { code: "protos.unreadable" },
          { code: "import.unresolved-ref", pointer: "/schemas/Part/properties/mediaResolution/$ref" },
        ],
      },
    },
  ],
];

let base: string;

beforeAll(async () => {
  base = tempDir();
  writeTree(base, {
    "first.json": discoveryDoc(SCHEMAS, { generateContent: generateContentMethod() }, "20260101"),
    "spec/overlay/corrections.json": {},
  });
  const first = await run(["import", "first.json", "--spec", "spec"], base);
  expect(first.code, first.stderr).toBe(0);
});

describe("a refused import", () => {
  it.each(rows)("%s", async (_, { given, want }) => {
    const dir = tempDir();
    copyTree(base, dir);
    writeTree(dir, given.files);
    const before = snapshot(join(dir, "spec"));
    const args = ["import", "next.json", "--spec", "spec", ...(given.args ?? [])];

    const text = await run(args, dir);
    expect(text.code).toBe(1);
    const errorLines = text.stderr.split("\n").filter((l) => / error /.test(l));
    expect(errorLines.map((l) => /error (\S+):/.exec(l)![1])).toEqual(want.errors.map((e) => e.code));
    want.errors.forEach((e, i) => {
      if (e.pointer) expect(errorLines[i]).toContain(`#${e.pointer}:`);
    });
    for (const e of want.errors) if (e.hint) expect(text.stderr).toMatch(e.hint);
    if (want.report) {
      for (const line of want.report) expect(text.stdout).toContain(line);
      expect(text.stderr).toMatch(/import refused: spec\/ was not changed\. Fix the overlay or the document/);
    } else {
      expect(text.stdout).toBe("");
      expect(text.stderr).toMatch(/import failed: spec\/ was not changed\./);
    }

    const json = await run([...args, "--json"], dir);
    expect(json.code).toBe(1);
    if (want.report) {
      const out = JSON.parse(json.stdout) as {
        refused: boolean;
        written: boolean;
        from: string;
        changes: { kind: string; path: string }[];
        diagnostics: { code: string; severity: string; location: { pointer?: string }; hint?: string }[];
      };
      expect(out).toMatchObject({ refused: true, written: false, from: "20260101" });
      expect(out.changes).toContainEqual(expect.objectContaining({ kind: "added", path: "Part.thought" }));
      const errors = out.diagnostics.filter((d) => d.severity === "error");
      expect(errors.map((d) => [d.code, d.location.pointer])).toEqual(want.errors.map((e) => [e.code, e.pointer]));
      want.errors.forEach((e, i) => {
        if (e.hint) expect(errors[i]!.hint).toMatch(e.hint);
      });
    } else expect(json.stdout).toBe("");

    expect(snapshot(join(dir, "spec"))).toEqual(before);
  });
});
