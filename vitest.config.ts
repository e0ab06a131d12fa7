import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Plugin } from "vite";
import { defineConfig, type UserWorkspaceConfig } from "vitest/config";

// Two projects run the same tests:
// - "sources": the packages as TypeScript. Their exports' "source" condition points inside this repository.
// - "built": the same tests against the JavaScript users get (packages/*/dist, written by `npm run build`, which
//   `npm test` runs first through `npm run pack`): the packages resolve through their published exports, and a test's
//   own imports of a package's modules go to the built ones. Modules the build does not ship (the tests' ajv
//   oracle, the spec) stay as they are.
// The consumer tests (test/packages) install the packed tarballs themselves, so they run once.
const BUILT: [RegExp, string][] = [
  [/\/packages\/runtime\/(src|generated)\/(.*)\.[jt]s$/, "/packages/runtime/dist/esm/$1/$2.js"],
  [/\/packages\/tools\/src\/(.*)\.ts$/, "/packages/tools/dist/$1.js"],
];
const DIST_DIRS = ["packages/runtime/dist/esm", "packages/tools/dist"];

function builtModules(): Plugin {
  return {
    name: "gemini-typekit:built-modules",
    enforce: "pre",
    configResolved(config) {
      const missing = DIST_DIRS.filter((dir) => !existsSync(resolve(config.root, dir)));
      if (missing.length > 0)
        throw new Error(`the "built" tests need ${missing.join(" and ")}: run \`npm run build\` first`);
    },
    resolveId(source, importer) {
      if (!importer || !source.startsWith(".") || importer.includes("/dist/")) return null;
      const path = resolve(dirname(importer), source);
      for (const [pattern, replacement] of BUILT) {
        if (!pattern.test(path)) continue;
        const built = path.replace(pattern, replacement);
        return existsSync(built) ? built : null;
      }
      return null;
    },
  };
}

const shared: UserWorkspaceConfig["test"] = {
  include: ["test/**/*.test.ts"],
  setupFiles: ["test/support/fast-check-seed.ts"],
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { conditions: ["source"] },
        ssr: { resolve: { conditions: ["source"] } },
        test: { ...shared, name: "sources" },
      },
      {
        plugins: [builtModules()],
        test: { ...shared, name: "built", exclude: ["test/packages/**"] },
      },
    ],
  },
});
