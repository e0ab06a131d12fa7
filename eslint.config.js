// Lint rules: typescript-eslint's recommended set, plus a guard that generated/ never imports generator/.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // The standalone validators are ajv output (one very long line per module): nothing to lint there.
  { ignores: ["node_modules/**", "test/**/fixtures/**", "coverage/**", "generated/validators/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["generated/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/generator/**", "../generator/*"], message: "generated/ must not import generator/" }] }],
    },
  },
  {
    files: ["bin/**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
