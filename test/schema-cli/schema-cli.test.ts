// The schema commands run in-process through main(): exit codes, stdout, located stderr.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";

const ROOT = join(import.meta.dirname, "../..");

function io(stdin = ""): CliIo & { out: string; err: string } {
  const o = {
    out: "",
    err: "",
    cwd: ROOT,
    stdout: (t: string) => void (o.out += t),
    stderr: (t: string) => void (o.err += t),
    stdin: async () => stdin,
  };
  return o;
}

describe("to-schema", () => {
  it("prints the JSON Schema of a type", async () => {
    const x = io();
    expect(await main(["to-schema", "test/converter/shared-def/input.ts", "Root"], x)).toBe(0);
    const schema = JSON.parse(x.out);
    expect(schema.$defs.Address.description).toBe("A postal address.");
    expect(x.err).toBe("");
  });

  it("writes the legacy dialect to --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gtk-"));
    const x = io();
    expect(
      await main(
        ["to-schema", "test/converter/nullable/input.ts", "Root", "--dialect", "openapi", "--out", join(dir, "s.json")],
        x,
      ),
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "s.json"), "utf8")).properties.label).toEqual({
      type: "STRING",
      nullable: true,
    });
    expect(x.out).toBe("");
  });

  it("exits 1 with file:line:col on conversion errors", async () => {
    const x = io();
    expect(await main(["to-schema", "test/converter/error-required-cycle/input.ts", "Root"], x)).toBe(1);
    expect(x.err).toContain(
      "test/converter/error-required-cycle/input.ts:1:1: error ts.required-cycle: recursive type Root -> Parent -> Root",
    );
    expect(x.out).toBe("");
  });

  it("exits 1 for an unknown type and lists the declared ones", async () => {
    const x = io();
    expect(await main(["to-schema", "test/converter/shared-def/input.ts", "Nope"], x)).toBe(1);
    expect(x.err).toContain("ts.type-not-found");
    expect(x.err).toContain("declared here: Address, Root");
  });

  it("--target: the field the schema is for decides the dialect and the lint rules the output must pass", async () => {
    const legacy = io();
    expect(
      await main(["to-schema", "test/converter/object-basic/input.ts", "Root", "--target", "parameters"], legacy),
    ).toBe(0);
    expect(JSON.parse(legacy.out).type).toBe("OBJECT");
    // a function's parameters must be an object (function.parameters-object): an array type is refused, located
    const dir = mkdtempSync(join(tmpdir(), "gtk-"));
    writeFileSync(join(dir, "tags.ts"), "export type Tags = string[];\n");
    const array = io();
    expect(await main(["to-schema", join(dir, "tags.ts"), "Tags", "--target", "parametersJsonSchema"], array)).toBe(1);
    expect(array.err).toMatch(/tags\.ts:1:1: error function\.parameters-object/);
    expect(array.out).toBe("");
    const conflict = io();
    expect(
      await main(
        ["to-schema", "test/converter/object-basic/input.ts", "Root", "--target", "parameters", "--dialect", "json"],
        conflict,
      ),
    ).toBe(2);
    expect(conflict.err).toContain("--target parameters is a responseSchema field");
  });

  it("exits 2 on usage errors", async () => {
    const x = io();
    expect(await main(["to-schema", "a.ts"], x)).toBe(2);
    expect(await main(["to-schema", "a.ts", "A", "--dialect", "yaml"], io())).toBe(2);
  });
});

describe("lint-schema", () => {
  it("exits 1 on errors and prints located findings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gtk-"));
    const fixture = JSON.parse(readFileSync(join(ROOT, "test/lint/fixtures/draft-07.json"), "utf8"));
    writeFileSync(join(dir, "user.json"), JSON.stringify(fixture.input));
    const x = io();
    x.cwd = dir;
    const code = await main(["lint-schema", "user.json"], x);
    expect(code).toBe(1);
    expect(x.err).toContain("user.json #/properties/missing/$ref: error schema.unresolved-ref");
    expect(x.out).toContain("user.json: 1 error(s), 7 warning(s)");
  });

  it("reads stdin, prints --json, exits 0 with only warnings", async () => {
    const x = io(JSON.stringify({ type: "string", minLength: 2 }));
    expect(await main(["lint-schema", "-", "--json"], x)).toBe(0);
    const report = JSON.parse(x.out);
    expect(report.ok).toBe(true);
    expect(report.findings.map((f: { code: string }) => f.code)).toEqual(["schema.unsupported-keyword"]);
  });

  it("checks the legacy dialect and located JSON syntax errors", async () => {
    expect(
      await main(["lint-schema", "-", "--dialect", "openapi"], io(JSON.stringify({ type: ["string", "null"] }))),
    ).toBe(1);
    expect(await main(["lint-schema", "-", "--dialect", "openapi"], io(JSON.stringify({ type: "string" })))).toBe(0);
    const x = io('{"type": }');
    expect(await main(["lint-schema", "-"], x)).toBe(1);
    expect(x.err).toMatch(/<stdin>:1:\d+: error json.syntax/);
  });
});

describe("to-ts", () => {
  it("prints TypeScript for a schema file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gtk-"));
    writeFileSync(
      join(dir, "s.json"),
      JSON.stringify({ title: "Point", type: "object", properties: { x: { type: "number" } }, required: ["x"] }),
    );
    const x = io();
    expect(await main(["to-ts", join(dir, "s.json")], x)).toBe(0);
    expect(x.out).toMatch(/export interface Point \{\s+x: number;\s+\}/);
  });

  it("exits 1 on a schema it cannot read", async () => {
    const x = io(JSON.stringify({ type: "OBJECT", properties: { a: { type: "STRING", pattern: "x" } } }));
    expect(await main(["to-ts", "-"], x)).toBe(1);
    expect(x.err).toContain("<stdin> #/properties/a/pattern: error convert.unsupported-field");
  });
});
