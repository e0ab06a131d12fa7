// Lint rules: typescript-eslint's recommended set, plus guards on the packages' boundaries: generated code never
// imports the tools, and the runtime package imports nothing outside itself.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // The standalone validators are ajv output (one very long line per module): nothing to lint there.
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
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
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
          ],
        },
      ],
    },
  },
  {
    files: ["packages/tools/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/runtime/**"],
              message: 'the tools import the runtime as a package: "@gemini-typekit/runtime"',
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/tools/bin/**/*.js", "scripts/**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
