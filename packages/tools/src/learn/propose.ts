// From what the payloads showed to the overlay corrections that would explain it (spec/README.md, "corrections"):
// an unknown field becomes an added field (and, when it holds objects, added resources), an unknown enum value an
// added value, a missing required field a relaxed "Required.". Each carries its evidence: the folder, the number of
// files, up to three of them with the place. What no correction explains is listed as a finding without one.
import type { Evidence, ImportedField, RelaxedScope } from "../spec/layers.ts";
import type { SpecIR } from "../spec/ir.ts";
import type { FieldFinding, Gathered, Place, Sighting, UnknownEnumValue, UnknownField } from "./gather.ts";
import { parsePointer } from "../util/json-pointer.ts";
import { fieldNames, Inferrer, jsonTypeOf } from "./infer.ts";
import type { WireSide } from "./spec-view.ts";

/** The corrections `spec learn` proposes, in the format of spec/overlay/corrections.json. */
export interface LearnedCorrections {
  addedResources: Record<string, { reason: string; fields: Record<string, ImportedField>; evidence: Evidence }>;
  addedFields: { field: string; definition: ImportedField; reason: string; evidence: Evidence }[];
  relaxedRequired: { field: string; scope: RelaxedScope; reason: string; evidence: Evidence }[];
  addedEnumValues: { enum: string; value: string; reason: string; evidence: Evidence }[];
}

export type FindingKind =
  "addedField" | "addedEnumValue" | "relaxedRequired" | "null" | "unexplained" | "explainedBySpec";

/** One thing the payloads show, for people: what, in how many files, where. */
export interface Finding {
  kind: FindingKind;
  /** `Resource.field`, `Enum.VALUE`, or for unexplained issues the issue code and spec field. */
  target: string;
  seenIn: number;
  examples: Place[];
  /** Added fields: each JSON type seen, with the number of files showing it. */
  types?: Record<string, number>;
  /** Added fields: the keys the payloads spelled it with (lowerCamel, snake_case). */
  keys?: string[];
  /** What is proposed or why nothing is: the inferred type, the scope, the runtime's message. */
  note?: string;
}

/** The order findings are listed in: proposals first, then what needs a person. */
export const FINDING_ORDER: readonly FindingKind[] = [
  "addedField",
  "addedEnumValue",
  "relaxedRequired",
  "unexplained",
  "null",
  "explainedBySpec",
];

/** New evidence for a correction the spec has already (it explains the payloads; the validators are not regenerated yet). */
export interface EvidenceUpdate {
  kind: "addedField" | "addedEnumValue" | "relaxedRequired";
  target: string;
  evidence: Evidence;
}

export interface Proposals {
  corrections: LearnedCorrections;
  findings: Finding[];
  evidenceUpdates: EvidenceUpdate[];
}

export const MAX_EXAMPLES = 3;

export const proposedReason = (seenIn: number) =>
  `Proposed by \`spec learn\`: seen in ${seenIn} file${seenIn === 1 ? "" : "s"}; review, then describe in your own words.`;

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The first sighting in each of the first files (by name), up to MAX_EXAMPLES. */
function examples(sightings: readonly Sighting[]): Place[] {
  const sorted = [...sightings].sort(
    (a, b) =>
      compare(a.place.file, b.place.file) ||
      compare(a.place.chunk ?? -1, b.place.chunk ?? -1) ||
      compare(a.place.pointer, b.place.pointer),
  );
  const out: Place[] = [];
  for (const s of sorted) if (out.length < MAX_EXAMPLES && !out.some((p) => p.file === s.place.file)) out.push(s.place);
  return out;
}

const filesOf = (sightings: readonly Sighting[]) => new Set(sightings.map((s) => s.place.file)).size;

const onlyInResponses = (sightings: readonly Sighting[]) => sightings.every((s) => s.side === "response");

function finding(
  kind: FindingKind,
  target: string,
  sightings: readonly Sighting[],
  extra: Partial<Finding> = {},
): Finding {
  return { kind, target, seenIn: filesOf(sightings), examples: examples(sightings), ...extra };
}

/** Per JSON type, the number of files that send the field with a value of that type. */
function typesSeen(sightings: UnknownField["sightings"]): Record<string, number> {
  const files = new Map<string, Set<string>>();
  for (const s of sightings) {
    const type = jsonTypeOf(s.value);
    if (!files.has(type)) files.set(type, new Set());
    files.get(type)!.add(s.place.file);
  }
  return Object.fromEntries([...files].sort(([a], [b]) => compare(a, b)).map(([type, set]) => [type, set.size]));
}

const describeType = (f: ImportedField) =>
  `${f.repeated ? "repeated " : ""}${f.type === "ref" ? f.ref : f.type}${f.outputOnly ? ", output only" : ""}`;

type FieldSightings = UnknownField["sightings"];

/** Entries most-seen first, then by name: the order proposals are listed and written in. */
function bySeenIn<T>(entries: Iterable<T>, sightings: (t: T) => readonly Sighting[], name: (t: T) => string): T[] {
  return [...entries].sort((a, b) => filesOf(sightings(b)) - filesOf(sightings(a)) || compare(name(a), name(b)));
}

class Proposer {
  readonly corrections: LearnedCorrections = {
    addedResources: {},
    addedFields: [],
    relaxedRequired: [],
    addedEnumValues: [],
  };
  readonly findings: Finding[] = [];

  constructor(
    private readonly ir: SpecIR,
    private readonly source: string,
    private readonly sides: ReadonlyMap<string, WireSide>,
  ) {}

  evidence(sightings: readonly Sighting[]): Evidence {
    return { source: this.source, seenIn: filesOf(sightings), examples: examples(sightings) };
  }

  /** Unknown fields, the snake_case and lowerCamel spellings of one field together; keys no field can have apart. */
  private fieldsByName(
    unknown: Iterable<UnknownField>,
  ): Map<string, { resource: string; names: { jsonName: string; protoName: string }; sightings: FieldSightings }> {
    const fields = new Map<
      string,
      { resource: string; names: { jsonName: string; protoName: string }; sightings: FieldSightings }
    >();
    for (const u of unknown) {
      const names = fieldNames(u.key);
      const clash = names && this.ir.resources.get(u.resource)?.fields.find((f) => f.jsonName === names.jsonName);
      if (!names || clash) {
        const note = clash
          ? `\`${u.key}\` reads as field ${clash.jsonName}, whose proto name is ${clash.protoName}`
          : `\`${u.key}\` cannot be a field's JSON or proto name`;
        this.findings.push(finding("unexplained", `unknown-field ${u.resource}.${u.key}`, u.sightings, { note }));
        continue;
      }
      const target = `${u.resource}.${names.jsonName}`;
      const seen = fields.get(target);
      if (seen) seen.sightings.push(...u.sightings);
      // The proto name a snake_case key shows beats the one derived from a lowerCamel key.
      if (!seen || u.key === names.protoName)
        fields.set(target, { resource: u.resource, names, sightings: seen?.sightings ?? [...u.sightings] });
    }
    return fields;
  }

  addedFields(unknown: Iterable<UnknownField>): void {
    const inferrer = new Inferrer(
      (name) => this.ir.resources.has(name) || this.ir.enums.has(name) || this.ir.anyTypes.has(name),
    );
    for (const [target, f] of bySeenIn(
      this.fieldsByName(unknown),
      ([, f]) => f.sightings,
      ([t]) => t,
    )) {
      const before = new Set(inferrer.resources.keys());
      const definition = inferrer.field(
        f.resource,
        f.names,
        f.sightings.map((s) => s.value),
        onlyInResponses(f.sightings),
      );
      const ev = this.evidence(f.sightings);
      // The resources made for this field's objects share its evidence.
      for (const [name, resource] of inferrer.resources) {
        if (!before.has(name))
          this.corrections.addedResources[name] = {
            reason: proposedReason(ev.seenIn),
            fields: resource.fields,
            evidence: ev,
          };
      }
      this.corrections.addedFields.push({ field: target, definition, reason: proposedReason(ev.seenIn), evidence: ev });
      const keys = [...new Set(f.sightings.map((s) => parsePointer(s.place.pointer).at(-1) ?? ""))].sort();
      this.findings.push(
        finding("addedField", target, f.sightings, {
          types: typesSeen(f.sightings),
          keys,
          note: describeType(definition),
        }),
      );
    }
  }

  addedEnumValues(unknown: Iterable<UnknownEnumValue>): void {
    for (const e of bySeenIn(
      unknown,
      (e) => e.sightings,
      (e) => `${e.enumName}.${e.value}`,
    )) {
      const ev = this.evidence(e.sightings);
      this.corrections.addedEnumValues.push({
        enum: e.enumName,
        value: e.value,
        reason: proposedReason(ev.seenIn),
        evidence: ev,
      });
      this.findings.push(finding("addedEnumValue", `${e.enumName}.${e.value}`, e.sightings, { note: `in ${e.field}` }));
    }
  }

  relaxedRequired(missing: Iterable<FieldFinding>): void {
    for (const m of bySeenIn(
      missing,
      (m) => m.sightings,
      (m) => m.field,
    )) {
      const resource = m.field.slice(0, m.field.indexOf("."));
      // "responses" only where the merge accepts it: a resource no request carries, seen only in responses.
      const scope: RelaxedScope =
        onlyInResponses(m.sightings) && this.sides.get(resource) === "response" ? "responses" : "everywhere";
      const ev = this.evidence(m.sightings);
      this.corrections.relaxedRequired.push({ field: m.field, scope, reason: proposedReason(ev.seenIn), evidence: ev });
      this.findings.push(
        finding("relaxedRequired", m.field, m.sightings, {
          note: `left out; relax "Required." ${scope === "responses" ? "in responses" : "everywhere"}`,
        }),
      );
    }
  }

  /** Findings no correction comes with: nulls, issues nothing explains, what only generate has to catch up with. */
  listed(kind: FindingKind, entries: Iterable<{ target: string; sightings: Sighting[]; note: string }>): void {
    for (const n of bySeenIn(
      entries,
      (n) => n.sightings,
      (n) => n.target,
    ))
      this.findings.push(finding(kind, n.target, n.sightings, { note: n.note }));
  }
}

export function propose(
  ir: SpecIR,
  gathered: Gathered,
  source: string,
  sides: ReadonlyMap<string, WireSide>,
): Proposals {
  const p = new Proposer(ir, source, sides);
  p.addedFields(gathered.unknownFields.values());
  p.addedEnumValues(gathered.unknownEnumValues.values());
  p.relaxedRequired(gathered.missingRequired.values());
  const noted = (map: Map<string, FieldFinding>, note: string) =>
    [...map.values()].map((n) => ({ target: n.field, sightings: n.sightings, note }));
  p.listed("null", noted(gathered.nulls, "null, taken as unset"));
  p.listed(
    "unexplained",
    [...gathered.unexplained.values()].map((u) => ({
      target: `${u.code}${u.spec ? ` ${u.spec}` : ""}`,
      sightings: u.sightings,
      note: u.message,
    })),
  );
  p.listed(
    "explainedBySpec",
    noted(gathered.explainedBySpec, "in the spec, not yet in the generated validators: run generate"),
  );
  const evidenceUpdates = [...gathered.explainedBySpec.values()].flatMap((n) =>
    n.kind ? [{ kind: n.kind, target: n.field, evidence: p.evidence(n.sightings) }] : [],
  );
  const order = (f: Finding) => FINDING_ORDER.indexOf(f.kind);
  const findings = [...p.findings].sort(
    (a, b) => order(a) - order(b) || b.seenIn - a.seenIn || compare(a.target, b.target),
  );
  return { corrections: p.corrections, findings, evidenceUpdates };
}

/** True when there is something to write. */
export const hasCorrections = (c: LearnedCorrections) =>
  c.addedFields.length + c.relaxedRequired.length + c.addedEnumValues.length + Object.keys(c.addedResources).length > 0;
