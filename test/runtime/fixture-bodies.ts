// The project's own fixtures (test/fixtures, listed in manifest.jsonl) as JSON bodies, streams split into chunks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStream } from "../../packages/runtime/src/stream/index.ts";
import { parseManifest, type ManifestEntry } from "../../scripts/record-fixtures.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

const FIXTURES = join(PROJECT_ROOT, "test/fixtures");

export async function fixtureBodies(): Promise<{ entry: ManifestEntry; value: unknown }[]> {
  const out: { entry: ManifestEntry; value: unknown }[] = [];
  for (const entry of parseManifest(readFileSync(join(FIXTURES, "manifest.jsonl"), "utf8"))) {
    const bytes = readFileSync(join(FIXTURES, entry.file), "utf8");
    if (!entry.framing) out.push({ entry, value: JSON.parse(bytes) });
    else
      for await (const chunk of parseStream(bytes, {
        framing: entry.framing,
        validate: (value) => ({ ok: true, value, drift: [] }),
      }))
        out.push({ entry, value: chunk.value });
  }
  return out;
}
