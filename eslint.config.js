// Lint rules: typescript-eslint's recommended set, plus guards on the packages' boundaries: generated code never
// imports the tools, the runtime package imports nothing outside itself, and inside the tools the layers point one
// way (the spec layer imports neither the importer nor the generator; no emitter imports another; only the CLI
// imports the CLI).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const TOOLS_IMPORT_RUNTIME_AS_PACKAGE = {
  group: ["**/runtime/**", "!@gemini-typekit/runtime/**"],
  message: 'the tools import the runtime as a package: "@gemini-typekit/runtime"',
};

const RUNTIME_PATTERNS = [
  {
    group: ["**/tools/**", "gemini-typekit", "gemini-typekit/*"],
    message: "the runtime package must not import the tools package",
  },
  {
    group: ["node:*"],
    message: "the runtime package runs in browsers and edge runtimes too: no node: imports",
  },
  {
    group: ["../../../*", "../../../../*"],
    message: "the runtime package imports nothing outside packages/runtime",
  },
  {
    group: ["ajv", "ajv/*", "ajv-formats", "ajv-formats/*"],
    allowTypeImports: true,
    message: "the runtime package has no dependencies: response schemas are checked by src/response-schema/",
  },
];

// ESLint applies the last matching block's options of a rule, so each block below lists every pattern its files obey.
const ONLY_CLI_IMPORTS_CLI = {
  group: ["../cli/**", "../../cli/**", "../../../cli/**"],
  message: "only the CLI imports the CLI: the I/O and exit codes a command's work needs are util/io.ts",
};

/**
 * The generator's emitters: one folder each under packages/tools/src/generate/, holding the modules generate/outputs.ts
 * lists (test/generate/emitter-boundaries.test.ts checks the two agree). Modules directly under generate/ are shared.
 */
export const EMITTERS = ["api", "runtime-model", "schemas", "types", "validators"];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "test/**/fixtures/**",
      "coverage/**",
      "dist/**",
      ".tmp/**",
      "packages/*/dist/**",
      "packages/runtime/generated/validators/*.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["packages/runtime/**"],
    rules: { "no-restricted-imports": ["error", { patterns: RUNTIME_PATTERNS }] },
  },
  // The library reaches a keyword family's check and issue builders, never the fast path's compile steps: those and
  // the code builder are the generator's, through the package's "./vocabulary" export.
  {
    files: ["packages/runtime/src/**"],
    ignores: ["packages/runtime/src/vocabulary/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...RUNTIME_PATTERNS,
            {
              group: ["**/vocabulary/code.ts", "**/vocabulary/index.ts"],
              message: "the library does not import the code builder or the vocabulary's entry (the generator's)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/tools/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [TOOLS_IMPORT_RUNTIME_AS_PACKAGE] }] },
  },
  // The work of a command (spec learn, diff, import, …) needs nothing of the CLI: exit codes and I/O are util/io.ts.
  {
    files: ["packages/tools/src/*/**"],
    ignores: ["packages/tools/src/cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [TOOLS_IMPORT_RUNTIME_AS_PACKAGE, ONLY_CLI_IMPORTS_CLI],
        },
      ],
    },
  },
  // The spec layer is what the importer, the generator and the CLI build on; it imports none of them.
  {
    files: ["packages/tools/src/spec/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            TOOLS_IMPORT_RUNTIME_AS_PACKAGE,
            {
              group: ["../generate/**", "../../generate/**"],
              message: "the spec layer does not import the generator: a fact both need belongs in the spec layer",
            },
            {
              group: ["../import/**", "../../import/**"],
              message: "the spec layer does not import the importer: it builds on the spec layer, not the other way",
            },
            ONLY_CLI_IMPORTS_CLI,
          ],
        },
      ],
    },
  },
  // An emitter (a folder under generate/) imports no other emitter: what two of them share is a fact of the IR
  // (spec/) or a shared generator helper (a module directly under generate/, such as json-schema.ts or linked.ts).
  ...EMITTERS.map((emitter) => ({
    files: [`packages/tools/src/generate/${emitter}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            TOOLS_IMPORT_RUNTIME_AS_PACKAGE,
            {
              group: EMITTERS.filter((other) => other !== emitter).flatMap((other) => [
                `../${other}/**`,
                `../../${other}/**`,
              ]),
              message: `the ${emitter} emitter imports no other emitter: move what they share to spec/ (a fact of the IR) or to a module directly under generate/`,
            },
            ONLY_CLI_IMPORTS_CLI,
          ],
        },
      ],
    },
  })),
  {
    files: ["packages/tools/bin/**/*.js", "scripts/**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
