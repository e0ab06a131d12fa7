// `spec learn --write`: the proposals go into spec/overlay/corrections.json beside what people wrote there. Nothing
// is overwritten or dropped: a correction already there for the same field or enum value keeps its definition and
// scope as written and gets the new evidence merged in (its reason too, while it is still the proposal's text). The
// file is replaced atomically, then the spec is loaded again; if it no longer loads, the old file is put back.
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics.ts";
import type { Corrections, Evidence } from "../spec/layers.ts";
import { parseJsonText } from "../util/json-text.ts";
import { MAX_EXAMPLES, proposedReason, type EvidenceUpdate, type LearnedCorrections } from "./propose.ts";

export interface WriteOutcome {
  file: string;
  ok: boolean;
  /** Corrections added, and existing ones whose evidence was merged. */
  added: number;
  updated: number;
  diagnostics: Diagnostic[];
}

const PROPOSED = "Proposed by `spec learn`";

/** Sources compare without the leading ./ and ../ that only say where learn ran from. */
const sourceKey = (source: string) => source.replace(/^(\.\.?\/)+/, "");

/**
 * Evidence names one source (its example paths are relative to it). From the same source the larger count stands
 * (a rerun sees the same files again) and the examples are pooled; from another source, the evidence showing the
 * thing in more files replaces the other whole.
 */
export function mergeEvidence(old: Evidence | undefined, now: Evidence): Evidence {
  if (!old) return now;
  if (sourceKey(old.source) !== sourceKey(now.source)) return now.seenIn > old.seenIn ? now : old;
  const examples = [...old.examples];
  for (const e of now.examples) {
    if (examples.length >= MAX_EXAMPLES) break;
    if (!examples.some((x) => x.file === e.file)) examples.push(e);
  }
  const seenIn = Math.max(old.seenIn, now.seenIn, new Set(examples.map((e) => e.file)).size);
  return { source: old.source, seenIn, examples };
}

/** The reason after a merge: the proposal's text follows the count; a reason someone wrote stays. */
const mergedReason = (reason: string, evidence: Evidence) =>
  reason.startsWith(PROPOSED) ? proposedReason(evidence.seenIn) : reason;

type Entry = { reason: string; evidence?: Evidence };

/** Adds `learned` to `existing` (which is not changed); counts additions and merges. */
export function mergeCorrections(
  existing: Corrections,
  learned: LearnedCorrections,
  updates: readonly EvidenceUpdate[] = [],
): { corrections: Corrections; added: number; updated: number } {
  const out: Corrections = structuredClone(existing);
  let added = 0;
  let updated = 0;
  const merge = (entry: Entry, evidence: Evidence) => {
    entry.evidence = mergeEvidence(entry.evidence, evidence);
    entry.reason = mergedReason(entry.reason, entry.evidence);
    updated++;
  };
  const upsert = <T extends Entry>(list: T[], same: (a: T) => boolean, entry: T, onMerge?: (old: T) => void) => {
    const old = list.find(same);
    if (!old) {
      list.push(entry);
      added++;
      return;
    }
    onMerge?.(old);
    merge(old, entry.evidence!);
  };

  const resources = (out.addedResources ??= {});
  for (const [name, resource] of Object.entries(learned.addedResources)) {
    const old = resources[name];
    if (!old) {
      resources[name] = resource;
      added++;
      continue;
    }
    for (const [field, definition] of Object.entries(resource.fields)) old.fields[field] ??= definition;
    merge(old, resource.evidence);
  }
  const fields = (out.addedFields ??= []);
  for (const f of learned.addedFields) upsert(fields, (o) => o.field === f.field, f);
  const relaxed = (out.relaxedRequired ??= []);
  // Evidence of the field's absence from requests too widens a "responses" relaxation; the reverse never narrows one.
  for (const r of learned.relaxedRequired)
    upsert(
      relaxed,
      (o) => o.field === r.field,
      r,
      (old) => void (r.scope === "everywhere" && (old.scope = "everywhere")),
    );
  const values = (out.addedEnumValues ??= []);
  for (const v of learned.addedEnumValues) upsert(values, (o) => o.enum === v.enum && o.value === v.value, v);

  for (const u of updates) {
    const entry: Entry | undefined =
      u.kind === "addedField"
        ? fields.find((f) => f.field === u.target)
        : u.kind === "relaxedRequired"
          ? relaxed.find((r) => r.field === u.target)
          : values.find((v) => `${v.enum}.${v.value}` === u.target);
    if (entry) merge(entry, u.evidence); // none: upstream itself explains it, no correction holds evidence
  }
  for (const key of ["addedResources", "addedFields", "relaxedRequired", "addedEnumValues"] as const) {
    const v = out[key];
    if (v && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0)) delete out[key];
  }
  return { corrections: out, added, updated };
}

/** Replaces a file by renaming a sibling written in full: readers see the old file or the new one, never half. */
async function replaceFile(path: string, text: string): Promise<void> {
  const staging = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(staging, text);
    await rename(staging, path);
  } catch (e) {
    await rm(staging, { force: true });
    throw e;
  }
}

export async function writeCorrections(
  specDir: string,
  learned: LearnedCorrections,
  updates: readonly EvidenceUpdate[],
  cwd: string,
): Promise<WriteOutcome> {
  const file = join(specDir, "overlay", "corrections.json");
  const outcome: WriteOutcome = { file, ok: false, added: 0, updated: 0, diagnostics: [] };
  let before: string | undefined;
  try {
    before = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
      outcome.diagnostics.push(error("learn.write", `cannot read: ${(e as Error).message}`, { file }));
      return outcome;
    }
  }
  let existing: Corrections = {};
  if (before !== undefined) {
    const parsed = parseJsonText(before, file);
    if (!parsed.ok) {
      outcome.diagnostics.push(parsed.diagnostic);
      return outcome;
    }
    existing = parsed.value as Corrections;
  }
  const { corrections, added, updated } = mergeCorrections(existing, learned, updates);
  Object.assign(outcome, { added, updated });
  if (added + updated === 0) return { ...outcome, ok: true };
  await replaceFile(file, `${JSON.stringify(corrections, null, 2)}\n`);

  const { loadSpec } = await import("../spec/load.ts");
  const { ir, diagnostics } = await loadSpec(specDir, cwd);
  if (ir) return { ...outcome, ok: true, diagnostics };
  if (before === undefined) await rm(file, { force: true });
  else await replaceFile(file, before);
  outcome.diagnostics.push(
    ...diagnostics,
    error("learn.write-refused", "with these corrections the spec does not load: corrections.json is left as it was", {
      file,
    }),
  );
  return outcome;
}
