// Rewrites packages/tools/src/spec/meta-validators.cjs, the precompiled meta-schema check, after spec/meta/spec.schema.json
// (or ajv) changed: `npx tsx scripts/precompile-meta.ts`.
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { PRECOMPILED_META_PATH } from "../packages/tools/src/spec/meta.ts";
import { precompiledMetaSource } from "../packages/tools/src/spec/meta-precompile.ts";

writeFileSync(PRECOMPILED_META_PATH, precompiledMetaSource());
console.log(`wrote ${relative(process.cwd(), PRECOMPILED_META_PATH)}`);
