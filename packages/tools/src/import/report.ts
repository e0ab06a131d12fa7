// The change report: what an import changes in the imported layer, in public names (so an upstream rename of a
// schema the spec renames back shows as a changed upstream name, not as a removal and an addition).
import type { ImportedField, ImportedSpec, MethodSpec } from "../spec/model.ts";

export type ChangeKind = "added" | "removed" | "changed";
export type ChangeSubject = "resource" | "field" | "enum-value" | "method" | "union" | "service";

export interface Change {
  kind: ChangeKind;
  subject: ChangeSubject;
  /** "Candidate", "Candidate.finishReason", "Candidate.finishReason#STOP", "models.generateContent". */
  path: string;
  /** For "changed": what changed, e.g. "type: int32 → int64". */
  detail?: string;
}

export interface ChangeReport {
  from?: string;
  to: string;
  changes: Change[];
  summary: Record<ChangeSubject, Record<ChangeKind, number>>;
}

function describeType(f: ImportedField): string {
  const base = f.type === "ref" ? `ref ${f.ref}` : f.type;
  return f.repeated ? `${base}[]` : f.map ? `map<string, ${base}>` : base;
}

const FLAGS = ["required", "outputOnly", "inputOnly", "immutable", "deprecated", "inPath"] as const;

function fieldChanges(a: ImportedField, b: ImportedField, publicName: (n: string) => string): string[] {
  const out: string[] = [];
  const ta = describeType({ ...a, ...(a.ref ? { ref: publicName(a.ref) } : {}) });
  const tb = describeType({ ...b, ...(b.ref ? { ref: publicName(b.ref) } : {}) });
  if (ta !== tb) out.push(`type: ${ta} → ${tb}`);
  for (const flag of FLAGS) if ((a[flag] === true) !== (b[flag] === true)) out.push(`${flag}: ${a[flag] === true} → ${b[flag] === true}`);
  if (a.protoName !== b.protoName) out.push(`protoName: ${a.protoName} → ${b.protoName}`);
  return out;
}

function methodChanges(a: MethodSpec, b: MethodSpec, publicName: (n: string) => string): string[] {
  const out: string[] = [];
  if (a.httpMethod !== b.httpMethod) out.push(`httpMethod: ${a.httpMethod} → ${b.httpMethod}`);
  if (a.path !== b.path) out.push(`path: ${a.path} → ${b.path}`);
  for (const role of ["request", "response"] as const) {
    const ra = a[role] ? publicName(a[role]) : "none";
    const rb = b[role] ? publicName(b[role]) : "none";
    if (ra !== rb) out.push(`${role}: ${ra} → ${rb}`);
  }
  const pa = Object.keys(a.parameters).sort().join(",");
  const pb = Object.keys(b.parameters).sort().join(",");
  if (pa !== pb) out.push(`parameters: [${pa}] → [${pb}]`);
  return out;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * @param renames upstream schema name → public name (the overlay's renames); applied to both sides.
 */
export function compareImported(before: ImportedSpec | undefined, after: ImportedSpec, renames: ReadonlyMap<string, string>): ChangeReport {
  const changes: Change[] = [];
  const publicName = (n: string) => renames.get(n) ?? n;
  const byPublic = (spec: ImportedSpec | undefined) => new Map(Object.values(spec?.resources ?? {}).map((r) => [publicName(r.name), r]));
  const A = byPublic(before);
  const B = byPublic(after);
  if (before && before.service.revision !== after.service.revision)
    changes.push({ kind: "changed", subject: "service", path: "revision", detail: `${before.service.revision} → ${after.service.revision}` });

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
    if (ra.name !== rb.name) changes.push({ kind: "changed", subject: "resource", path: name, detail: `upstream name: ${ra.name} → ${rb.name}` });
    if ((ra.deprecated === true) !== (rb.deprecated === true))
      changes.push({ kind: "changed", subject: "resource", path: name, detail: `deprecated: ${ra.deprecated === true} → ${rb.deprecated === true}` });
    for (const j of [...new Set([...Object.keys(ra.fields), ...Object.keys(rb.fields)])].sort(cmp)) {
      const fa = ra.fields[j];
      const fb = rb.fields[j];
      const path = `${name}.${j}`;
      if (!fa) changes.push({ kind: "added", subject: "field", path, detail: describeType(fb!) });
      else if (!fb) changes.push({ kind: "removed", subject: "field", path });
      else for (const detail of fieldChanges(fa, fb, publicName)) changes.push({ kind: "changed", subject: "field", path, detail });
      if (!fa || !fb) continue; // whole-field additions and removals already say it
      const va = new Map((fa.values ?? []).map((v) => [v.name, v]));
      const vb = new Map((fb.values ?? []).map((v) => [v.name, v]));
      for (const v of vb.keys()) if (!va.has(v)) changes.push({ kind: "added", subject: "enum-value", path: `${path}#${v}` });
      for (const v of va.keys()) if (!vb.has(v)) changes.push({ kind: "removed", subject: "enum-value", path: `${path}#${v}` });
      for (const [v, x] of vb) {
        const y = va.get(v);
        if (y && (y.deprecated === true) !== (x.deprecated === true))
          changes.push({ kind: "changed", subject: "enum-value", path: `${path}#${v}`, detail: `deprecated: ${y.deprecated === true} → ${x.deprecated === true}` });
      }
    }
    const ua = new Map((ra.unions ?? []).map((u) => [u.name, u.members.join(",")]));
    const ub = new Map((rb.unions ?? []).map((u) => [u.name, u.members.join(",")]));
    for (const u of [...new Set([...ua.keys(), ...ub.keys()])].sort(cmp)) {
      const path = `${name}#oneof:${u}`;
      if (!ua.has(u)) changes.push({ kind: "added", subject: "union", path, detail: ub.get(u)! });
      else if (!ub.has(u)) changes.push({ kind: "removed", subject: "union", path });
      else if (ua.get(u) !== ub.get(u)) changes.push({ kind: "changed", subject: "union", path, detail: `members: ${ua.get(u)} → ${ub.get(u)}` });
    }
  }
  const ma = before?.methods ?? {};
  const mb = after.methods;
  for (const id of [...new Set([...Object.keys(ma), ...Object.keys(mb)])].sort(cmp)) {
    if (!ma[id]) changes.push({ kind: "added", subject: "method", path: id });
    else if (!mb[id]) changes.push({ kind: "removed", subject: "method", path: id });
    else for (const detail of methodChanges(ma[id], mb[id], publicName)) changes.push({ kind: "changed", subject: "method", path: id, detail });
  }
  const subjects: ChangeSubject[] = ["service", "resource", "field", "enum-value", "union", "method"];
  changes.sort((x, y) => subjects.indexOf(x.subject) - subjects.indexOf(y.subject)); // stable: paths stay sorted
  const summary = Object.fromEntries(subjects.map((s) => [s, { added: 0, removed: 0, changed: 0 }])) as ChangeReport["summary"];
  for (const c of changes) summary[c.subject][c.kind]++;
  const report: ChangeReport = { to: after.service.revision, changes, summary };
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
};

export function formatReport(report: ChangeReport): string {
  const lines: string[] = [];
  lines.push(report.from ? `Changes from revision ${report.from} to ${report.to}:` : `First import: revision ${report.to}.`);
  if (report.from && report.changes.length === 0) lines.push("  no changes: the imported layer is unchanged.");
  if (report.from) {
    let subject: ChangeSubject | undefined;
    for (const c of report.changes) {
      if (c.subject !== subject) {
        subject = c.subject;
        lines.push(`\n${HEADING[subject]}:`);
      }
      lines.push(`  ${SIGN[c.kind]} ${c.path}${c.detail ? `  (${c.detail})` : ""}`);
    }
  }
  const totals = Object.entries(report.summary)
    .map(([s, k]) => `${s}: +${k.added} -${k.removed} ~${k.changed}`)
    .join("; ");
  lines.push(`\nSummary: ${totals}`);
  return `${lines.join("\n")}\n`;
}
