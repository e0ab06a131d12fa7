// `spec stats`: counts of what the spec holds, and their text. How much of a Discovery document the spec covers
// (`--against`) is the importer's to say: ../import/coverage.ts fills `coverage`.
import { LIVE_METHOD_ID, type CorrectionKind, type SpecIR } from "./ir.ts";
import { methodClosure } from "./method-closure.ts";

export interface Ratio {
  covered: number;
  total: number;
  /** What is not covered, as paths; empty when everything is. */
  missing: string[];
}

export interface SpecStats {
  revision: string;
  resources: number;
  fields: number;
  enums: number;
  enumValues: number;
  unions: number;
  methods: number;
  unnamedEnums: number;
  missingDescriptions: {
    resources: number;
    fields: number;
    enums: number;
    enumValues: number;
    methods: number;
    unions: number;
  };
  /** Evidence-based corrections of upstream: how many of each kind, and the distinct corpus files their examples name. */
  corrections: { byKind: Record<CorrectionKind, number>; withoutEvidence: number; exampleFiles: number };
  /** The Live API's part: what its two envelopes reach (shared resources such as Content included); absent without it. */
  live?: {
    resources: number;
    fields: number;
    enums: number;
    enumValues: number;
    unions: number;
    onlyLive: { resources: number; enums: number };
  };
  coverage?: { schemas: Ratio; properties: Ratio; enumFields: Ratio; enumValues: Ratio; methods: Ratio };
}

const CORRECTION_KINDS: readonly CorrectionKind[] = [
  "addedResource",
  "addedField",
  "relaxedRequired",
  "addedEnumValue",
];

function correctionStats(ir: SpecIR): SpecStats["corrections"] {
  const all = ir.corrections ?? [];
  const byKind = Object.fromEntries(CORRECTION_KINDS.map((k) => [k, all.filter((c) => c.kind === k).length])) as Record<
    CorrectionKind,
    number
  >;
  const files = new Set(
    all.flatMap((c) => (c.evidence ? c.evidence.examples.map((e) => `${c.evidence!.source}/${e.file}`) : [])),
  );
  return { byKind, withoutEvidence: all.filter((c) => !c.evidence).length, exampleFiles: files.size };
}

function liveStats(ir: SpecIR): SpecStats["live"] {
  if (!ir.methods.has(LIVE_METHOD_ID)) return undefined;
  const reached = methodClosure(ir, [LIVE_METHOD_ID]);
  // What the REST methods reach too (Content, Tool, GenerationConfig, …) is shared; the rest is the Live API's own.
  const rest = methodClosure(
    ir,
    [...ir.methods.keys()].filter((id) => id !== LIVE_METHOD_ID),
  );
  const resources = [...reached.resources].map((n) => ir.resources.get(n)!);
  const enums = [...reached.enums].map((n) => ir.enums.get(n)!);
  return {
    resources: resources.length,
    fields: resources.reduce((n, r) => n + r.fields.length, 0),
    enums: enums.length,
    enumValues: enums.reduce((n, e) => n + e.values.length, 0),
    unions: resources.reduce((n, r) => n + r.unions.length, 0),
    onlyLive: {
      resources: [...reached.resources].filter((n) => !rest.resources.has(n)).length,
      enums: [...reached.enums].filter((n) => !rest.enums.has(n)).length,
    },
  };
}

export function specStats(ir: SpecIR): SpecStats {
  const resources = [...ir.resources.values()];
  const enums = [...ir.enums.values()];
  const fields = resources.flatMap((r) => r.fields);
  const unions = resources.flatMap((r) => r.unions);
  const values = enums.flatMap((e) => e.values);
  const methods = [...ir.methods.values()];
  return {
    revision: ir.service.revision,
    resources: resources.length,
    fields: fields.length,
    enums: enums.length,
    enumValues: values.length,
    unions: unions.length,
    methods: methods.length,
    unnamedEnums: enums.filter((e) => !e.named).length,
    missingDescriptions: {
      resources: resources.filter((r) => !r.description).length,
      fields: fields.filter((f) => !f.description).length,
      enums: enums.filter((e) => !e.description).length,
      enumValues: values.filter((v) => !v.description).length,
      methods: methods.filter((m) => !m.description).length,
      unions: unions.filter((u) => !u.description).length,
    },
    corrections: correctionStats(ir),
    ...(ir.methods.has(LIVE_METHOD_ID) ? { live: liveStats(ir) } : {}),
  };
}

function formatCorrections(c: SpecStats["corrections"]): string {
  const k = c.byKind;
  const total = Object.values(k).reduce((a, b) => a + b, 0);
  const unproven = c.withoutEvidence ? `, ${c.withoutEvidence} without evidence` : "";
  return `Corrections of upstream: ${total} (${k.addedResource} added resources, ${k.addedField} added fields, ${k.relaxedRequired} relaxed required fields, ${k.addedEnumValue} added enum values${unproven}); evidence from ${c.exampleFiles} example files`;
}

export function formatStats(s: SpecStats): string {
  const m = s.missingDescriptions;
  const lines = [
    `Spec of revision ${s.revision}`,
    `  resources    ${s.resources}`,
    `  fields       ${s.fields}`,
    `  enums        ${s.enums}${s.unnamedEnums ? ` (${s.unnamedEnums} not named in the overlay)` : ""}`,
    `  enum values  ${s.enumValues}`,
    `  unions       ${s.unions}`,
    `  methods      ${s.methods}`,
    `Without a description: ${m.resources} resources, ${m.fields} fields, ${m.enums} enums, ${m.enumValues} enum values, ${m.unions} unions, ${m.methods} methods`,
    formatCorrections(s.corrections),
  ];
  if (s.live)
    lines.push(
      `Live API (${LIVE_METHOD_ID}; reached from its client and server messages): ${s.live.resources} resources, ${s.live.fields} fields, ${s.live.enums} enums (${s.live.enumValues} values), ${s.live.unions} unions; only the Live API uses ${s.live.onlyLive.resources} of these resources and ${s.live.onlyLive.enums} of these enums`,
    );
  if (s.coverage) {
    lines.push("Coverage of the document:");
    for (const [k, r] of Object.entries(s.coverage)) {
      const pct = r.total === 0 ? 100 : (100 * r.covered) / r.total;
      lines.push(
        `  ${k.padEnd(12)} ${r.covered}/${r.total} (${pct.toFixed(1)}%)${r.missing.length ? `  missing: ${r.missing.slice(0, 5).join(", ")}${r.missing.length > 5 ? ", …" : ""}` : ""}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
