// The evidence behind each correction from real traffic (spec/overlay/corrections.json: addedFields,
// relaxedRequired, addedEnumValues, and addedResources that carry evidence). One row per example: the body it names
// (file and chunk of ../shared/fixtures/real) validates in strict mode with the spec as it is, and does NOT with the
// spec minus the corrections, failing at the example's JSON Pointer. So every correction is needed, and each
// example shows what its correction claims. The "before" spec is merged in memory without those corrections, its
// strict JSON Schemas compiled once with ajv; the "after" side is checked both by the generated runtime validators
// and by ajv on the schemas of the current spec, on the runtime's normalized value (snake_case keys renamed), so
// both sides are judged by the same machinery.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateResource } from "../../packages/runtime/src/validator.ts";
import { allSchemas, schemaId } from "../../packages/tools/src/generate/json-schema.ts";
import { readSpecFiles } from "../../packages/tools/src/spec/files.ts";
import { mergeSpec } from "../../packages/tools/src/spec/merge.ts";
import type { Corrections, Evidence, Overlay } from "../../packages/tools/src/spec/layers.ts";
import type { SpecIR } from "../../packages/tools/src/spec/ir.ts";
import { PROJECT_ROOT } from "../support/shared.ts";
import { bodiesOf } from "../support/corpus.ts";
import { CORPUS_DIR, hasCorpus, manifest, normalizedPointer, place } from "../runtime/corpus-map.ts";

const SPEC_DIR = join(PROJECT_ROOT, "spec");
const CORPUS_SOURCE = "shared/fixtures/real";

interface Row {
  given: { correction: string; file: string; chunk: number; pointer: string };
  want: { afterValid: true; beforeFailsAt: string };
}

/** Every correction that rests on evidence, as "kind target" with its evidence. */
/**
 * A Live API example (live/<session>.jsonl, `chunk` = the message's index in the session): the resource is the
 * envelope of its direction, and only sessions recorded from the Gemini API count as evidence.
 */
function liveExample(
  file: string,
  chunk: number,
): { resource: string; body: unknown; api: string; provenance: string } {
  const name = file.slice("live/".length);
  const line = readFileSync(join(CORPUS_DIR, "live/manifest.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { file: string; api: string; provenance: string })
    .find((m) => m.file === name);
  if (!line) throw new Error(`${file} is not in live/manifest.jsonl`);
  const message = readFileSync(join(CORPUS_DIR, file), "utf8").split("\n")[chunk];
  if (message === undefined) throw new Error(`${file} has no message ${chunk}`);
  const { direction, message: body } = JSON.parse(message) as { direction: "client" | "server"; message: unknown };
  const resource = direction === "client" ? "BidiGenerateContentClientMessage" : "BidiGenerateContentServerMessage";
  return { resource, body, api: line.api, provenance: line.provenance };
}

function evidenced(c: Corrections): { correction: string; evidence: Evidence }[] {
  return [
    ...Object.entries(c.addedResources ?? {}).flatMap(([name, r]) =>
      r.evidence ? [{ correction: `addedResource ${name}`, evidence: r.evidence }] : [],
    ),
    ...(c.addedFields ?? []).map((f) => ({ correction: `addedField ${f.field}`, evidence: f.evidence })),
    ...(c.relaxedRequired ?? []).map((f) => ({
      correction: `relaxedRequired(${f.scope}) ${f.field}`,
      evidence: f.evidence,
    })),
    ...(c.addedEnumValues ?? []).map((v) => ({
      correction: `addedEnumValue ${v.enum}.${v.value}`,
      evidence: v.evidence,
    })),
  ];
}

/** The corrections without the ones that rest on evidence: the spec as upstream alone would have it. */
function withoutEvidenced(c: Corrections): Corrections {
  const { addedFields: _f, relaxedRequired: _r, addedEnumValues: _v, ...rest } = c;
  return {
    ...rest,
    addedResources: Object.fromEntries(Object.entries(c.addedResources ?? {}).filter(([, r]) => !r.evidence)),
  };
}

function strictValidators(ir: SpecIR): (resource: string) => ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const s of allSchemas(ir, "strict").values()) ajv.addSchema(s);
  return (resource) => ajv.getSchema(schemaId(resource, "strict"))!;
}

/** Where an ajv error is: for a missing or unknown property, the pointer of that property. */
function errorPointer(e: ErrorObject): string {
  const p = e.params as { missingProperty?: string; additionalProperty?: string };
  const name =
    e.keyword === "required"
      ? p.missingProperty
      : e.keyword === "additionalProperties"
        ? p.additionalProperty
        : undefined;
  return name === undefined ? e.instancePath : `${e.instancePath}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

describe.skipIf(!hasCorpus)("corrections from real traffic: each example needs its correction", async () => {
  if (!hasCorpus) {
    console.warn(`[gemini-typekit tests] ${CORPUS_DIR} is absent: the corrections' evidence is not checked.`);
    return;
  }
  const { files, diagnostics } = await readSpecFiles(SPEC_DIR, PROJECT_ROOT);
  expect(diagnostics).toEqual([]);
  const corrections = files.overlay.corrections;
  const current = mergeSpec(files.imported!, files.overlay);
  const overlayBefore: Overlay = { ...files.overlay, corrections: withoutEvidenced(corrections) };
  const before = mergeSpec(files.imported!, overlayBefore);
  const afterAjv = strictValidators(current.ir);
  const beforeAjv = strictValidators(before.ir);

  const entries = new Map(manifest().map((e) => [e.file, e]));
  const rows: [string, Row][] = evidenced(corrections).flatMap(({ correction, evidence }) =>
    evidence.examples.map((e): [string, Row] => [
      `${correction}: ${e.file}${e.chunk !== undefined ? `#${e.chunk}` : ""} ${e.pointer}`,
      {
        given: { correction, file: e.file, chunk: e.chunk ?? 0, pointer: e.pointer },
        want: { afterValid: true, beforeFailsAt: e.pointer },
      },
    ]),
  );

  it("the spec minus these corrections still merges (only stale warnings for what referred to them)", () => {
    expect(before.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(evidenced(corrections).every(({ evidence }) => evidence.source === CORPUS_SOURCE)).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(12);
  });

  /** The example's resource and body: a Live session's message, or a REST payload placed by the manifest. */
  function example(given: Row["given"]): { placement: { resource: string }; body: unknown } {
    if (given.file.startsWith("live/")) {
      const live = liveExample(given.file, given.chunk);
      expect(live.api, "evidence comes from the Gemini API, not Vertex AI").toBe("gemini");
      expect(live.provenance, "evidence is recorded traffic, not an SDK's mock").toBe("recorded");
      return { placement: { resource: live.resource }, body: live.body };
    }
    const entry = entries.get(given.file);
    expect(entry, `${given.file} is not in manifest.jsonl`).toBeDefined();
    expect(given.file.startsWith("vertex/"), "evidence comes from the Gemini API, not Vertex AI").toBe(false);
    expect(entry!.status ?? 200).toBeLessThan(400);
    const placement = place(entry!);
    if (!("resource" in placement))
      throw new Error(`${given.file} is not a payload of the spec: ${placement.outOfScope}`);
    const body = bodiesOf(readFileSync(join(CORPUS_DIR, given.file), "utf8"), given.file)[given.chunk];
    expect(body, `${given.file} has no chunk ${given.chunk}`).toBeDefined();
    return { placement, body };
  }

  it.each(rows)("%s", (_name, { given, want }) => {
    const { placement, body } = example(given);

    const after = validateResource(placement.resource, body, "strict");
    expect(after.ok ? [] : after.issues).toEqual([]);
    if (!after.ok) return;
    const normalized = after.value;
    const validateAfter = afterAjv(placement.resource);
    expect([validateAfter(normalized), validateAfter.errors ?? []]).toEqual([want.afterValid, []]);

    const validateBefore = beforeAjv(placement.resource);
    expect(validateBefore(normalized)).toBe(false);
    const at = normalizedPointer(placement.resource, body, want.beforeFailsAt);
    expect((validateBefore.errors ?? []).map(errorPointer)).toContain(at);
  });
});
