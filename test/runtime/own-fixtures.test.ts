// The project's own fixtures (test/fixtures/) through the validation library, as users would run them:
// bytes → parse → validate → normalize → serialize. Each body (every chunk of a stream) is valid in its resource's
// default mode, and the round trip gives back the input byte for byte — except where the input is not in the spec's
// form, and then only by the documented normalizations (snake_case keys → JSON names, integer enums → names, enum
// names in another case → the spec's, a single value → a list of one): nothing is lost, and the result is canonical (normalizing again changes nothing).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validators, type ValidatedResourceName } from "../../packages/runtime/generated/validate.ts";
import { parseStream } from "../../packages/runtime/src/stream/index.ts";
import { formatJson, formatSse, parseManifest, type ManifestEntry } from "../../scripts/record-fixtures.ts";
import { PROJECT_ROOT } from "../support/shared.ts";
import { wholeModel } from "./helpers.ts";

/** Every resource and enum (all of them included in the runtime's lookups, which these tests call directly). */
const MODEL = wholeModel();

const FIXTURES = join(PROJECT_ROOT, "test/fixtures");
const manifest = parseManifest(readFileSync(join(FIXTURES, "manifest.jsonl"), "utf8"));

async function bodiesOf(entry: ManifestEntry, bytes: string): Promise<unknown[]> {
  if (!entry.framing) return [JSON.parse(bytes)];
  const out: unknown[] = [];
  for await (const chunk of parseStream(bytes, {
    framing: entry.framing,
    validate: (value) => ({ ok: true, value, drift: [] }),
  }))
    out.push(chunk.value);
  return out;
}

function serialize(entry: ManifestEntry, bytes: string, values: unknown[]): string {
  if (entry.framing === "sse") return formatSse(values, bytes.includes("\r\n\r\n") ? "\r\n\r\n" : "\n\n");
  return formatJson(entry.framing === "json-array" ? values : values[0]);
}

/** Every scalar leaf, in order; enum numbers are compared as the names they decode to. */
function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (value !== null && typeof value === "object") Object.values(value).forEach((v) => leaves(v, out));
  else out.push(value);
  return out;
}
const enumNames = new Map<number, Set<string>>();
for (const e of Object.values(MODEL.enums))
  for (const [n, name] of Object.entries(e.numbers))
    enumNames.set(Number(n), (enumNames.get(Number(n)) ?? new Set()).add(name));
const sameLeaf = (before: unknown, after: unknown) =>
  before === after ||
  (typeof before === "number" && typeof after === "string" && enumNames.get(before)?.has(after) === true) ||
  (typeof before === "string" && typeof after === "string" && before.toUpperCase() === after); // a case-folded enum name

describe("own fixtures through the validation library", () => {
  it.each(manifest.map((e) => [e.file, e] as const))("%s", async (_file, entry) => {
    const resource = entry.resource as ValidatedResourceName;
    const validator = validators[resource];
    expect(validator, `no validator for ${entry.resource}`).toBeDefined();
    const bytes = readFileSync(join(FIXTURES, entry.file), "utf8");
    const values = await bodiesOf(entry, bytes);
    const normalized: unknown[] = [];
    let changed = false;
    for (const [index, value] of values.entries()) {
      const result = validator.validate(value);
      expect(result, `chunk ${index}`).toMatchObject({ ok: true });
      if (!result.ok) continue;
      const again = validator.normalize(result.value);
      expect(again).toBe(result.value); // canonical: nothing left to normalize
      if (result.value !== value) {
        changed = true;
        const before = leaves(value);
        const after = leaves(result.value);
        expect(after.length, "no value lost or added").toBe(before.length);
        after.forEach((leaf, i) =>
          expect(sameLeaf(before[i], leaf), `leaf ${i}: ${String(before[i])} → ${String(leaf)}`).toBe(true),
        );
        expect(validator.is(result.value)).toBe(true);
      }
      normalized.push(again);
    }
    if (!changed) expect(serialize(entry, bytes, normalized)).toBe(bytes);
  });

  it("some fixtures exercise each normalization", async () => {
    const seen = { renamed: 0, decoded: 0 };
    for (const entry of manifest) {
      const bytes = readFileSync(join(FIXTURES, entry.file), "utf8");
      for (const value of await bodiesOf(entry, bytes)) {
        const result = validators[entry.resource as ValidatedResourceName].validate(value);
        if (!result.ok || result.value === value) continue;
        if (/"[a-z]+_[a-z_]+":/.test(JSON.stringify(value))) seen.renamed++;
        if (leaves(value).some((leaf, i) => typeof leaf === "number" && typeof leaves(result.value)[i] === "string"))
          seen.decoded++;
      }
    }
    expect(seen.renamed).toBeGreaterThan(0);
    expect(seen.decoded).toBeGreaterThan(0);
  });
});
