import { defineConfig } from "vitest/config";

export default defineConfig({
  // "source": the packages' exports point at their TypeScript sources inside this repository (see package.json).
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
