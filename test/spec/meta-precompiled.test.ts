// The precompiled meta-schema check must be built from the current meta-schema: a stale one is ignored (the check
// compiles at every load again, ~0.1 s), so this test is what notices.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { PRECOMPILED_META_PATH } from "../../packages/tools/src/spec/meta.ts";
import { precompiledMetaSource } from "../../packages/tools/src/spec/meta-precompile.ts";

describe("packages/tools/src/spec/meta-validators.cjs", () => {
  it("is up to date with spec/meta/spec.schema.json", () => {
    const upToDate = readFileSync(PRECOMPILED_META_PATH, "utf8") === precompiledMetaSource();
    expect(upToDate, "stale: run npx tsx scripts/precompile-meta.ts").toBe(true);
  });
});
