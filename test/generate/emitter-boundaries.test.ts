// The layers inside the tools point one way: the spec layer imports neither the generator nor the importer, no
// emitter imports another, and only the CLI imports the CLI; inside the runtime, the library imports neither the
// code builder nor the vocabulary's entry (eslint.config.js). Rows lint one import written in a given file and say whether the boundary rule refuses
// it; the list of emitters the rule knows must be the folders the generator's outputs live in.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { OUTPUTS } from "../../packages/tools/src/generate/outputs.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

// The config is plain JavaScript without declarations: its list of emitters is read as data.
const { EMITTERS } = (await import(new URL("../../eslint.config.js", import.meta.url).href)) as { EMITTERS: string[] };

interface Row {
  given: { file: string; specifier: string };
  want: { refused: boolean };
}

const rows: [string, Row][] = [
  [
    "an emitter imports another emitter",
    { given: { file: "generate/api/probe.ts", specifier: "../runtime-model/emit.ts" }, want: { refused: true } },
  ],
  [
    "the validators emitter imports the schemas emitter",
    { given: { file: "generate/validators/probe.ts", specifier: "../schemas/emit.ts" }, want: { refused: true } },
  ],
  [
    "a module nested in an emitter imports another emitter",
    {
      given: { file: "generate/validators/deep/probe.ts", specifier: "../../types/names.ts" },
      want: { refused: true },
    },
  ],
  [
    "an emitter imports its own modules",
    { given: { file: "generate/types/probe.ts", specifier: "./names.ts" }, want: { refused: false } },
  ],
  [
    "an emitter imports a shared generator helper",
    { given: { file: "generate/validators/probe.ts", specifier: "../json-schema.ts" }, want: { refused: false } },
  ],
  [
    "an emitter imports the spec layer",
    { given: { file: "generate/runtime-model/probe.ts", specifier: "../../spec/ir.ts" }, want: { refused: false } },
  ],
  [
    "the spec layer imports an emitter",
    { given: { file: "spec/probe.ts", specifier: "../generate/types/names.ts" }, want: { refused: true } },
  ],
  [
    "a merge phase imports a shared generator helper",
    { given: { file: "spec/merge/probe.ts", specifier: "../../generate/json-schema.ts" }, want: { refused: true } },
  ],
  [
    "the spec layer imports the importer",
    { given: { file: "spec/probe.ts", specifier: "../import/discovery.ts" }, want: { refused: true } },
  ],
  [
    "the importer imports the spec layer",
    { given: { file: "import/probe.ts", specifier: "../spec/ir.ts" }, want: { refused: false } },
  ],
  [
    "spec learn imports the CLI",
    { given: { file: "learn/probe.ts", specifier: "../cli/command.ts" }, want: { refused: true } },
  ],
  [
    "the spec layer imports the CLI",
    { given: { file: "spec/merge/probe.ts", specifier: "../../cli/command.ts" }, want: { refused: true } },
  ],
  [
    "an emitter imports the CLI",
    { given: { file: "generate/types/probe.ts", specifier: "../../cli/command.ts" }, want: { refused: true } },
  ],
  [
    "a command's work imports the shared I/O",
    { given: { file: "learn/probe.ts", specifier: "../util/io.ts" }, want: { refused: false } },
  ],
  [
    "the CLI imports itself",
    { given: { file: "cli/commands/probe.ts", specifier: "../command.ts" }, want: { refused: false } },
  ],
  [
    "the spec layer imports itself",
    { given: { file: "spec/merge/probe.ts", specifier: "../ir.ts" }, want: { refused: false } },
  ],
  [
    "an emitter still may not reach into the runtime's sources",
    {
      given: { file: "generate/api/probe.ts", specifier: "../../../../runtime/src/validator.ts" },
      want: { refused: true },
    },
  ],
];

/** Inside the runtime's sources: the library reaches the keyword families, not the generator's part of them. */
const runtimeRows: [string, Row][] = [
  [
    "the library imports the code builder",
    { given: { file: "reference/probe.ts", specifier: "../vocabulary/code.ts" }, want: { refused: true } },
  ],
  [
    "the library imports the vocabulary's entry",
    { given: { file: "probe.ts", specifier: "./vocabulary/index.ts" }, want: { refused: true } },
  ],
  [
    "the library imports a keyword family",
    { given: { file: "reference/probe.ts", specifier: "../vocabulary/strings.ts" }, want: { refused: false } },
  ],
  [
    "a keyword family imports the code builder",
    { given: { file: "vocabulary/probe.ts", specifier: "./code.ts" }, want: { refused: false } },
  ],
];

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function refused(folder: string, { file, specifier }: Row["given"]): Promise<boolean> {
  const code = `import { x } from ${JSON.stringify(specifier)};\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: join(PROJECT_ROOT, folder, file) });
  return result!.messages.some((m) => m.ruleId === "no-restricted-imports");
}

describe("import boundaries inside the runtime", () => {
  it.each(runtimeRows)("%s", async (_name, { given, want }) =>
    expect(await refused("packages/runtime/src", given)).toBe(want.refused),
  );
});

describe("import boundaries inside the tools", () => {
  it.each(rows)("%s", async (_name, { given, want }) =>
    expect(await refused("packages/tools/src", given)).toBe(want.refused),
  );

  it("knows every emitter: the folders under generate/ that the outputs' modules live in", () => {
    const folders = Object.values(OUTPUTS).map((o) => /\/generate\/([^/]+)\/[^/]+$/.exec(fileURLToPath(o.module))![1]);
    expect([...new Set(folders)].sort()).toEqual(EMITTERS);
  });
});
