// No stuck state: whatever would make `generate` fail is an error of `spec check`, located, with a fix; and an
// emitter that fails anyway is reported as a diagnostic, never as a stack trace.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runImport } from "../../packages/tools/src/import/run.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { generateFiles } from "../../packages/tools/src/generate/run.ts";
import { OUTPUTS } from "../../packages/tools/src/generate/outputs.ts";
import { discoveryDoc, generateContentMethod } from "../support/discovery-fragment.ts";
import { copyTree, tempDir, writeTree } from "../support/tmp.ts";

let base: string;

beforeAll(async () => {
  const root = tempDir();
  writeTree(root, {
    "discovery.json": discoveryDoc(
      {
        Req: { properties: { contents: { type: "array", items: { $ref: "Content" } } } },
        Res: { properties: { finishReason: { type: "string", enum: ["STOP", "OTHER"] } } },
        Content: { properties: { role: { type: "string" }, text: { type: "string" } } },
      },
      { generateContent: generateContentMethod() },
    ),
    "spec/overlay/enums/FinishReason.json": { usedBy: ["Res.finishReason"] },
  });
  base = join(root, "spec");
  const r = await runImport({ discovery: join(root, "discovery.json"), specDir: base }, root);
  expect(r.ok).toBe(true);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Row {
  given: Record<string, ((json: Json) => unknown) | null>;
  want: { code: string; file: string; pointer?: string }[];
}

const rows: [string, Row][] = [
  [
    "an enum named like a resource",
    {
      given: {
        "overlay/enums/Content.json": () => ({ usedBy: ["Res.finishReason"] }),
        "overlay/enums/FinishReason.json": null,
      },
      want: [{ code: "spec.name-collision", file: "overlay/enums/Content.json" }],
    },
  ],
  [
    "an enum named like a helper of the generated types",
    {
      given: {
        "overlay/enums/Direction.json": () => ({ usedBy: ["Res.finishReason"] }),
        "overlay/enums/FinishReason.json": null,
      },
      want: [{ code: "spec.name-collision", file: "overlay/enums/Direction.json" }],
    },
  ],
  [
    "a resource renamed to a helper's name",
    {
      given: {
        "overlay/corrections.json": () => ({
          renames: [{ upstream: "Content", name: "OneOf", reason: "a rename that clashes with a helper" }],
        }),
      },
      want: [{ code: "spec.name-collision", file: "overlay/corrections.json", pointer: "/renames/0/name" }],
    },
  ],
];

function applyEdits(dir: string, given: Row["given"]): void {
  for (const [file, edit] of Object.entries(given)) {
    const path = join(dir, file);
    if (edit === null) rmSync(path);
    else {
      let json: Json = {};
      try {
        json = JSON.parse(readFileSync(path, "utf8")) as Json;
      } catch {
        // a new file
      }
      writeFileSync(path, `${JSON.stringify(edit(json), null, 2)}\n`);
    }
  }
}

describe("spec check finds what generate cannot handle", () => {
  it.each(rows)("%s", async (_name, { given, want }) => {
    const dir = join(tempDir(), "spec");
    copyTree(base, dir);
    applyEdits(dir, given);
    const { ir, diagnostics } = await loadSpec(dir, dir);
    expect(ir).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(
      errors.map((d) => ({
        code: d.code,
        file: d.location.file,
        ...(d.location.pointer !== undefined ? { pointer: d.location.pointer } : {}),
      })),
    ).toEqual(want);
    for (const d of errors) expect(d.hint, `${d.code} says how to fix it`).toBeTruthy();
    // generate stops at the same errors instead of throwing.
    const generated = await generateFiles(dir, dir);
    expect(generated.files).toBeUndefined();
    expect(generated.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(
      want.map((w) => w.code),
    );
  });
});

describe("a named enum whose every field is gone upstream", () => {
  it("is a stale warning with its fix, is left out, and generate goes on", async () => {
    const dir = join(tempDir(), "spec");
    copyTree(base, dir);
    applyEdits(dir, { "imported/resources/Res.json": (j) => (delete j.fields.finishReason, j) });
    const { ir, diagnostics } = await loadSpec(dir, dir);
    expect(
      diagnostics.map((d) => ({
        severity: d.severity,
        code: d.code,
        file: d.location.file,
        pointer: d.location.pointer,
        hint: d.hint,
      })),
    ).toEqual([
      {
        severity: "warning",
        code: "spec.stale-field",
        file: "overlay/enums/FinishReason.json",
        pointer: "/usedBy/0",
        hint: undefined,
      },
      {
        severity: "warning",
        code: "spec.stale-enum",
        file: "overlay/enums/FinishReason.json",
        pointer: "/usedBy",
        hint: "delete overlay/enums/FinishReason.json, or list in usedBy the fields that carry its values now",
      },
    ]);
    expect([...ir!.enums.keys()]).toEqual([]);
    const generated = await generateFiles(dir, dir);
    expect(generated.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(generated.files!.get("types.ts")).not.toMatch(/export (const|type) FinishReason\b/);
  });
});

describe("generate reports a failing output as a diagnostic", () => {
  it("names the output and the spec, and writes nothing", async () => {
    const root = tempDir();
    const dir = join(root, "spec");
    copyTree(base, dir);
    const failing = {
      module: new URL("../support/failing-emitter.ts", import.meta.url).href,
      exportName: "emitNothing",
      worker: false,
    };
    const { files, diagnostics } = await generateFiles(dir, root, { ...OUTPUTS, model: failing });
    expect(files).toBeUndefined();
    expect(diagnostics.map((d) => ({ code: d.code, file: d.location.file, message: d.message }))).toEqual([
      { code: "generate.output-failed", file: "spec", message: "the model output failed: this emitter always fails" },
    ]);
  });
});
