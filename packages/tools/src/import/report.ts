// The change report: what an import changes in the imported layer, in public names (so an upstream rename of a
// schema the spec renames back shows as a changed upstream name, not as a removal and an addition).
import type { ImportedField, ImportedSpec, MethodParameter, MethodSpec } from "../spec/layers.ts";
import { classifyBetween, type ClassifiedChange } from "../diff/classify.ts";

export type ChangeKind = "added" | "removed" | "changed";
export type ChangeSubject = "resource" | "field" | "enum-value" | "method" | "parameter" | "union" | "service";

/** A fact's value on one side of a change: a type, a flag, a name, a size. */
export type FactValue = string | boolean;

export interface Change {
  kind: ChangeKind;
  subject: ChangeSubject;
  /**
   * "Candidate", "Candidate.finishReason", "Candidate.finishReason#STOP", "models.generateContent",
   * "models.list(pageSize)".
   */
  path: string;
  /** For "changed": which fact changed ("type", "required", "mediaUpload.maxSize", ...). */
  aspect?: string;
  /** For "changed": the fact before and after; for "added": what was added (a type), when it says something. */
  before?: FactValue;
  after?: FactValue;
  /** For an added field: the flags it carries ("required", "outputOnly", ...). */
  flags?: string[];
  /** Human form of the change, e.g. "type: int32 → int64". */
  detail?: string;
}

/** A "changed" entry for one fact, with its human form. */
function changed(subject: ChangeSubject, path: string, aspect: string, before: FactValue, after: FactValue): Change {
  return { kind: "changed", subject, path, aspect, before, after, detail: `${aspect}: ${before} → ${after}` };
}

export interface ChangeReport {
  from?: string;
  to: string;
  /** Each with its rule, level and direction (packages/tools/src/diff/rules.ts). */
  changes: ClassifiedChange[];
  summary: Record<ChangeSubject, Record<ChangeKind, number>>;
}

function describeType(f: ImportedField): string {
  const base = f.type === "ref" ? `ref ${f.ref}` : f.type;
  return f.repeated ? `${base}[]` : f.map ? `map<string, ${base}>` : base;
}

const FLAGS = ["required", "outputOnly", "inputOnly", "immutable", "deprecated", "inPath"] as const;

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The flags an added field arrives with, so a new required request field does not look like an optional one. */
function addedFlags(f: ImportedField): { flags?: string[] } {
  const flags = FLAGS.filter((flag) => f[flag] === true);
  return flags.length > 0 ? { flags } : {};
}

/** A field's type in public names: "ref GroundingSupport" whatever upstream calls the schema this revision. */
const publicType = (f: ImportedField, publicName: (n: string) => string) =>
  describeType({ ...f, ...(f.ref ? { ref: publicName(f.ref) } : {}) });

function fieldChanges(path: string, a: ImportedField, b: ImportedField, publicName: (n: string) => string): Change[] {
  const out: Change[] = [];
  const ta = publicType(a, publicName);
  const tb = publicType(b, publicName);
  if (ta !== tb) out.push(changed("field", path, "type", ta, tb));
  for (const flag of FLAGS)
    if ((a[flag] === true) !== (b[flag] === true))
      out.push(changed("field", path, flag, a[flag] === true, b[flag] === true));
  if (a.protoName !== b.protoName) out.push(changed("field", path, "protoName", a.protoName, b.protoName));
  return out;
}

/** One text per fact, so a change in any of them is seen; absent facts read "none". */
function methodFacts(m: MethodSpec, publicName: (n: string) => string): Record<string, FactValue> {
  const upload = m.mediaUpload;
  return {
    httpMethod: m.httpMethod,
    path: m.path,
    flatPath: m.flatPath ?? "none",
    request: m.request ? publicName(m.request) : "none",
    response: m.response ? publicName(m.response) : "none",
    streaming: m.streaming ?? "none",
    parameterOrder: (m.parameterOrder ?? []).join(","),
    "mediaUpload.maxSize": upload?.maxSize ?? "none",
    "mediaUpload.accept": upload ? upload.accept.join(",") : "none",
    "mediaUpload.protocols": upload ? Object.keys(upload.protocols).sort().join(",") : "none",
    mediaDownload: m.mediaDownload === true,
  };
}

function parameterFacts(p: MethodParameter): Record<string, FactValue> {
  return {
    location: p.location,
    type: p.repeated ? `${p.type}[]` : p.type,
    required: p.required === true,
    pattern: p.pattern ?? "none",
    values: p.values ? p.values.join(",") : "none",
  };
}

function factChanges(
  subject: ChangeSubject,
  path: string,
  a: Record<string, FactValue>,
  b: Record<string, FactValue>,
): Change[] {
  return Object.keys(a).flatMap((k) => (a[k] === b[k] ? [] : [changed(subject, path, k, a[k]!, b[k]!)]));
}

function methodChanges(id: string, a: MethodSpec, b: MethodSpec, publicName: (n: string) => string): Change[] {
  const out = factChanges("method", id, methodFacts(a, publicName), methodFacts(b, publicName));
  for (const name of [...new Set([...Object.keys(a.parameters), ...Object.keys(b.parameters)])].sort(cmp)) {
    const pa = a.parameters[name];
    const pb = b.parameters[name];
    const path = `${id}(${name})`;
    if (!pa)
      out.push({
        kind: "added",
        subject: "parameter",
        path,
        after: parameterFacts(pb!).type!,
        detail: `${pb!.required ? "required " : ""}${pb!.location} ${parameterFacts(pb!).type}`,
      });
    else if (!pb) out.push({ kind: "removed", subject: "parameter", path });
    else out.push(...factChanges("parameter", path, parameterFacts(pa), parameterFacts(pb)));
  }
  return out;
}

/**
 * @param renames upstream schema name → public name (the overlay's renames); applied to both sides.
 */
export function compareImported(
  before: ImportedSpec | undefined,
  after: ImportedSpec,
  renames: ReadonlyMap<string, string>,
): ChangeReport {
  const changes: Change[] = [];
  const publicName = (n: string) => renames.get(n) ?? n;
  const byPublic = (spec: ImportedSpec | undefined) =>
    new Map(Object.values(spec?.resources ?? {}).map((r) => [publicName(r.name), r]));
  const A = byPublic(before);
  const B = byPublic(after);
  if (before && before.service.revision !== after.service.revision)
    changes.push({
      kind: "changed",
      subject: "service",
      path: "revision",
      aspect: "revision",
      before: before.service.revision,
      after: after.service.revision,
      detail: `${before.service.revision} → ${after.service.revision}`,
    });

  for (const name of [...new Set([...A.keys(), ...B.keys()])].sort(cmp)) {
    const ra = A.get(name);
    const rb = B.get(name);
    if (!ra) {
      changes.push({ kind: "added", subject: "resource", path: name });
      continue;
    }
    if (!rb) {
      changes.push({ kind: "removed", subject: "resource", path: name });
      continue;
    }
    if (ra.name !== rb.name) changes.push(changed("resource", name, "upstream name", ra.name, rb.name));
    if ((ra.deprecated === true) !== (rb.deprecated === true))
      changes.push(changed("resource", name, "deprecated", ra.deprecated === true, rb.deprecated === true));
    for (const j of [...new Set([...Object.keys(ra.fields), ...Object.keys(rb.fields)])].sort(cmp)) {
      const fa = ra.fields[j];
      const fb = rb.fields[j];
      const path = `${name}.${j}`;
      if (!fa)
        changes.push({
          kind: "added",
          subject: "field",
          path,
          after: publicType(fb!, publicName),
          detail: publicType(fb!, publicName),
          ...addedFlags(fb!),
        });
      else if (!fb) changes.push({ kind: "removed", subject: "field", path });
      else changes.push(...fieldChanges(path, fa, fb, publicName));
      if (!fa || !fb) continue; // whole-field additions and removals already say it
      const va = new Map((fa.values ?? []).map((v) => [v.name, v]));
      const vb = new Map((fb.values ?? []).map((v) => [v.name, v]));
      for (const v of vb.keys())
        if (!va.has(v)) changes.push({ kind: "added", subject: "enum-value", path: `${path}#${v}` });
      for (const v of va.keys())
        if (!vb.has(v)) changes.push({ kind: "removed", subject: "enum-value", path: `${path}#${v}` });
      for (const [v, x] of vb) {
        const y = va.get(v);
        if (y && (y.deprecated === true) !== (x.deprecated === true))
          changes.push(
            changed("enum-value", `${path}#${v}`, "deprecated", y.deprecated === true, x.deprecated === true),
          );
      }
    }
    const ua = new Map((ra.unions ?? []).map((u) => [u.name, u.members.join(",")]));
    const ub = new Map((rb.unions ?? []).map((u) => [u.name, u.members.join(",")]));
    for (const u of [...new Set([...ua.keys(), ...ub.keys()])].sort(cmp)) {
      const path = `${name}#oneof:${u}`;
      if (!ua.has(u)) changes.push({ kind: "added", subject: "union", path, detail: ub.get(u)! });
      else if (!ub.has(u)) changes.push({ kind: "removed", subject: "union", path });
      else if (ua.get(u) !== ub.get(u)) changes.push(changed("union", path, "members", ua.get(u)!, ub.get(u)!));
    }
  }
  const ma = before?.methods ?? {};
  const mb = after.methods;
  for (const id of [...new Set([...Object.keys(ma), ...Object.keys(mb)])].sort(cmp)) {
    if (!ma[id]) changes.push({ kind: "added", subject: "method", path: id });
    else if (!mb[id]) changes.push({ kind: "removed", subject: "method", path: id });
    else changes.push(...methodChanges(id, ma[id], mb[id], publicName));
  }
  const subjects: ChangeSubject[] = ["service", "resource", "field", "enum-value", "union", "method", "parameter"];
  changes.sort((x, y) => subjects.indexOf(x.subject) - subjects.indexOf(y.subject)); // stable: paths stay sorted
  const summary = Object.fromEntries(
    subjects.map((s) => [s, { added: 0, removed: 0, changed: 0 }]),
  ) as ChangeReport["summary"];
  for (const c of changes) summary[c.subject][c.kind]++;
  const report: ChangeReport = {
    to: after.service.revision,
    changes: classifyBetween(changes, [before, after], publicName),
    summary,
  };
  if (before) report.from = before.service.revision;
  return report;
}

const SIGN: Record<ChangeKind, string> = { added: "+", removed: "-", changed: "~" };
const HEADING: Record<ChangeSubject, string> = {
  service: "Service",
  resource: "Resources",
  field: "Fields",
  "enum-value": "Enum values (by field)",
  union: "Oneofs",
  method: "Methods",
  parameter: "Method parameters",
};

export function formatReport(report: ChangeReport): string {
  const lines: string[] = [];
  lines.push(
    report.from ? `Changes from revision ${report.from} to ${report.to}:` : `First import: revision ${report.to}.`,
  );
  if (report.from && report.changes.length === 0) lines.push("  no changes: the imported layer is unchanged.");
  if (report.from) {
    let subject: ChangeSubject | undefined;
    for (const c of report.changes) {
      if (c.subject !== subject) {
        subject = c.subject;
        lines.push(`\n${HEADING[subject]}:`);
      }
      lines.push(`  ${SIGN[c.kind]} ${c.path}${c.detail ? `  (${c.detail})` : ""}  [${c.level}: ${c.rule}]`);
    }
  }
  const totals = Object.entries(report.summary)
    .map(([s, k]) => `${s}: +${k.added} -${k.removed} ~${k.changed}`)
    .join("; ");
  lines.push(`\nSummary: ${totals}`);
  if (report.from) {
    const levels = (["breaking", "warning", "info"] as const).map(
      (l) => `${l}: ${report.changes.filter((c) => c.level === l).length}`,
    );
    lines.push(`Levels: ${levels.join("; ")} (rules: see the README's diff section)`);
  }
  return `${lines.join("\n")}\n`;
}
