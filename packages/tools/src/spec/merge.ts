// Merging the imported layer and the overlay into the intermediate representation. Every problem is collected
// (not thrown) so one run reports them all, each pointing at the file and JSON Pointer to fix.
import { error, warning, type Diagnostic, type Location } from "../diagnostics.ts";
import { pointer } from "../util/json-pointer.ts";
import { computeDirections } from "../generate/types/direction.ts";
import type { SourceMap } from "./files.ts";
import type {
  AnyTypeIR,
  Corrections,
  CorrectionIR,
  Evidence,
  EnumIR,
  EnumValueIR,
  FieldIR,
  FieldTypeOverride,
  ImportedField,
  ImportedResource,
  ImportedSpec,
  MethodIR,
  Overlay,
  ResourceIR,
  SpecIR,
  UnionIR,
} from "./model.ts";

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const sameType = (a: FieldTypeOverride, b: ImportedField) => a.type === b.type && (a.ref ?? "") === (b.ref ?? "");

export function emptySources(): SourceMap {
  return {
    importedResource: new Map(),
    overlayResource: new Map(),
    overlayEnum: new Map(),
    importedMethods: "spec/imported/methods.json",
    overlayMethods: "spec/overlay/methods.json",
    corrections: "spec/overlay/corrections.json",
    service: "spec/imported/service.json",
  };
}

/**
 * Upstream schema name → public name, after the overlay's renames. The renames are a history: several upstream
 * names may lead to one public name (a schema Google renamed more than once), and at most one of them may be in
 * the document. An entry whose upstream name is gone is history, not stale, while its public name still exists.
 */
export function publicNameMap(
  imported: ImportedSpec,
  overlay: Overlay,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): Map<string, string> {
  const names = new Map(Object.keys(imported.resources).map((n) => [n, n]));
  const renames = overlay.corrections.renames ?? [];
  const repeated = repeatedRenames(renames, sources.corrections, diagnostics);
  const present = new Set([...names.keys(), ...renames.filter((r) => names.has(r.upstream)).map((r) => r.name)]);
  const claimedBy = new Map<string, string>();
  renames.forEach((r, i) => {
    if (repeated.has(i)) return;
    const at: Location = { file: sources.corrections, pointer: pointer("renames", i) };
    if (!names.has(r.upstream)) {
      if (!present.has(r.name))
        diagnostics.push(
          warning("spec.stale-rename", `upstream has no schema "${r.upstream}" any more; this rename does nothing`, {
            ...at,
            pointer: `${at.pointer}/upstream`,
          }),
        );
      return;
    }
    if (names.has(r.name) && r.name !== r.upstream)
      diagnostics.push(
        error("spec.rename-collision", `"${r.name}" is already an upstream schema name`, {
          ...at,
          pointer: `${at.pointer}/name`,
        }),
      );
    const earlier = claimedBy.get(r.name);
    if (earlier !== undefined) {
      // Reported once here; the second schema keeps its upstream name so nothing else collides on top.
      diagnostics.push(
        error(
          "spec.rename-collision",
          `"${r.upstream}" and "${earlier}" are both in the document and both renamed to "${r.name}"`,
          { ...at, pointer: `${at.pointer}/upstream` },
          "keep the rename of the schema that is the public one; give the other its own name",
        ),
      );
      return;
    }
    claimedBy.set(r.name, r.upstream);
    names.set(r.upstream, r.name);
  });
  return names;
}

/**
 * Rename entries whose upstream name an earlier entry already renames: to another name it is an error (which one
 * is meant cannot be told), to the same name a warning (a leftover copy). Either way the later entry is left out,
 * so the earlier one holds everywhere (publicNameMap, renameHistory). Returns the indexes of the left-out entries.
 */
function repeatedRenames(
  renames: NonNullable<Corrections["renames"]>,
  file: string,
  diagnostics: Diagnostic[],
): Set<number> {
  const firstAt = new Map<string, number>();
  const repeated = new Set<number>();
  renames.forEach((r, i) => {
    const first = firstAt.get(r.upstream);
    if (first === undefined) {
      firstAt.set(r.upstream, i);
      return;
    }
    repeated.add(i);
    const earlier = renames[first]!;
    const at: Location = { file, pointer: pointer("renames", i) };
    if (earlier.name === r.name)
      diagnostics.push(
        warning(
          "spec.rename-duplicate",
          `"${r.upstream}" is renamed to "${r.name}" a second time; this entry does nothing`,
          at,
          `delete this entry; #${pointer("renames", first)} already says it`,
        ),
      );
    else
      diagnostics.push(
        error(
          "spec.rename-conflict",
          `"${r.upstream}" is renamed twice, to "${earlier.name}" and to "${r.name}"`,
          at,
          `keep one of #${pointer("renames", first)} (→ "${earlier.name}") and #${pointer("renames", i)} (→ "${r.name}") and delete the other`,
        ),
      );
  });
  return repeated;
}

/** Every upstream name the overlay's rename history has ever mapped, to its public name (for comparing revisions). */
export function renameHistory(overlay: Overlay): Map<string, string> {
  const history = new Map<string, string>();
  // The first entry of an upstream name holds, as in publicNameMap; a later one is an error or warning there.
  for (const r of overlay.corrections.renames ?? []) if (!history.has(r.upstream)) history.set(r.upstream, r.name);
  return history;
}

interface WorkingField {
  field: ImportedField;
  /** Where the field's facts came from. */
  at: Location;
}

interface WorkingResource {
  resource: ImportedResource;
  added: boolean;
  fields: Map<string, WorkingField>;
  file: string;
}

/** Evidence that lists more example files than it says it was seen in cannot be right. */
function checkEvidence(evidence: Evidence | undefined, at: Location, diagnostics: Diagnostic[]): void {
  if (evidence && new Set(evidence.examples.map((e) => e.file)).size > evidence.seenIn)
    diagnostics.push(
      error("spec.evidence-count", `seenIn is ${evidence.seenIn}, but the examples name more files than that`, {
        ...at,
        pointer: `${at.pointer}/evidence/seenIn`,
      }),
    );
}

/**
 * Fields real traffic shows and upstream lacks. Once upstream defines the field itself the addition is stale: a
 * warning, and upstream's definition stands, so an upstream catch-up never breaks loading.
 */
function addFields(
  corrections: Corrections,
  working: Map<string, WorkingResource>,
  sources: SourceMap,
  diagnostics: Diagnostic[],
  applied: Map<string, CorrectionIR>,
): void {
  (corrections.addedFields ?? []).forEach((c, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("addedFields", i) };
    checkEvidence(c.evidence, at, diagnostics);
    const [res, j] = c.field.split(".") as [string, string];
    const w = working.get(res);
    if (!w) {
      diagnostics.push(
        warning("spec.stale-correction", `no resource "${res}"; the added field ${c.field} is ignored`, {
          ...at,
          pointer: `${at.pointer}/field`,
        }),
      );
      return;
    }
    if (w.fields.has(j)) {
      diagnostics.push(
        warning(
          "spec.stale-correction",
          `upstream now defines ${c.field}; the added field is ignored (upstream's definition stands)`,
          { ...at, pointer: `${at.pointer}/field` },
        ),
      );
      return;
    }
    w.fields.set(j, { field: { ...c.definition }, at: { ...at, pointer: `${at.pointer}/definition` } });
    applied.set(c.field, { kind: "addedField", target: c.field, reason: c.reason, evidence: c.evidence });
  });
}

/** "Required." relaxed where real traffic omits the field; stale (a warning) once upstream no longer requires it. */
function relaxRequired(
  corrections: Corrections,
  working: Map<string, WorkingResource>,
  sources: SourceMap,
  diagnostics: Diagnostic[],
  applied: Map<string, CorrectionIR>,
): void {
  (corrections.relaxedRequired ?? []).forEach((c, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("relaxedRequired", i) };
    checkEvidence(c.evidence, at, diagnostics);
    const [res, j] = c.field.split(".") as [string, string];
    const wf = working.get(res)?.fields.get(j);
    if (!wf) {
      diagnostics.push(
        warning("spec.stale-correction", `"${c.field}" is not a field of the spec; nothing to relax`, {
          ...at,
          pointer: `${at.pointer}/field`,
        }),
      );
      return;
    }
    if (!wf.field.required) {
      diagnostics.push(
        warning("spec.stale-correction", `upstream no longer marks ${c.field} required; the correction does nothing`, {
          ...at,
          pointer: `${at.pointer}/field`,
        }),
      );
      return;
    }
    delete wf.field.required;
    applied.set(c.field, {
      kind: "relaxedRequired",
      target: c.field,
      reason: c.reason,
      evidence: c.evidence,
      scope: c.scope,
    });
  });
}

/**
 * A "responses" relaxation is only expressible on a resource that travels in responses alone: there the field is
 * simply optional. A resource sent in requests too would need separate request and response schemas and checkers,
 * which the generator does not make, so such a correction is an error rather than a silent loosening of requests.
 */
function checkResponseScopes(
  ir: SpecIR,
  corrections: Corrections,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): void {
  const relaxations = (corrections.relaxedRequired ?? [])
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.scope === "responses");
  if (relaxations.length === 0) return;
  const { side } = computeDirections(ir);
  for (const { c, i } of relaxations) {
    const res = c.field.split(".")[0]!;
    const s = side.get(res);
    if (s === undefined || s === "response") continue;
    const why =
      s === "both"
        ? `${res} is sent in requests and returned in responses; the generated types, schemas and validators are one per resource, so relaxing it for responses alone would relax requests too. Use scope "everywhere" if requests may omit it as well`
        : `${res} is only sent in requests; no response carries it`;
    diagnostics.push(
      error("spec.unsupported-correction", `scope "responses" for ${c.field}: ${why}`, {
        file: sources.corrections,
        pointer: `${pointer("relaxedRequired", i)}/scope`,
      }),
    );
  }
}

/**
 * A named enum none of whose fields is left (the fields went upstream, or an older revision never had them) is
 * stale, like other overlay entries upstream no longer matches: said as a warning and left out, since an enum
 * without values could not be emitted as a type, a schema or a validator anyway.
 */
function staleEnum(e: EnumIR, file: string): Diagnostic {
  return warning(
    "spec.stale-enum",
    `no field of the spec is of enum ${e.name} any more; it is left out`,
    { file, pointer: "/usedBy" },
    `delete ${file}, or list in usedBy the fields that carry its values now`,
  );
}

export function mergeSpec(
  imported: ImportedSpec,
  overlay: Overlay,
  sources: SourceMap = emptySources(),
): { ir: SpecIR; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const publicNames = publicNameMap(imported, overlay, sources, diagnostics);

  // 1. Resources as the merge works on them: public name → upstream resource (+ added ones).
  const working = new Map<string, WorkingResource>();
  const applied: CorrectionIR[] = [];
  /** Field path → the correction that added or relaxed it. */
  const fieldCorrections = new Map<string, CorrectionIR>();
  for (const [upstream, resource] of Object.entries(imported.resources)) {
    const file = sources.importedResource.get(upstream) ?? `spec/imported/resources/${upstream}.json`;
    const fields = new Map(
      Object.entries(resource.fields).map(([j, f]) => [
        j,
        { field: { ...f }, at: { file, pointer: pointer("fields", j) } },
      ]),
    );
    working.set(publicNames.get(upstream)!, { resource, added: false, fields, file });
  }
  for (const [name, added] of Object.entries(overlay.corrections.addedResources ?? {})) {
    const at: Location = { file: sources.corrections, pointer: pointer("addedResources", name) };
    if (working.has(name)) {
      diagnostics.push(
        warning("spec.added-exists", `upstream now defines "${name}"; the overlay's addition is ignored`, at),
      );
      continue;
    }
    const fields = new Map(
      Object.entries(added.fields).map(([j, f]) => [
        j,
        { field: { ...f }, at: { ...at, pointer: `${at.pointer}/fields/${j}` } },
      ]),
    );
    const resource: ImportedResource = { name, fields: added.fields };
    if (added.protoMessage) resource.protoMessage = added.protoMessage;
    working.set(name, { resource, added: true, fields, file: sources.corrections });
    checkEvidence(added.evidence, at, diagnostics);
    applied.push({
      kind: "addedResource",
      target: name,
      reason: added.reason,
      ...(added.evidence ? { evidence: added.evidence } : {}),
    });
  }
  addFields(overlay.corrections, working, sources, diagnostics, fieldCorrections);

  const lookupField = (path: string, at: Location) => {
    const [res, field] = path.split(".") as [string, string];
    const w = working.get(res);
    const f = w?.fields.get(field);
    if (!f) diagnostics.push(warning("spec.stale-field", `"${path}" is not a field of the spec`, at));
    return f;
  };

  // 2. Type corrections, applied only while upstream still says what the correction was written against.
  (overlay.corrections.fieldTypes ?? []).forEach((c, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("fieldTypes", i) };
    const wf = lookupField(c.field, { ...at, pointer: `${at.pointer}/field` });
    if (!wf) return;
    if (!sameType(c.upstream, wf.field)) {
      diagnostics.push(
        warning(
          "spec.stale-correction",
          `upstream now types ${c.field} as ${wf.field.type}${wf.field.ref ? ` ${wf.field.ref}` : ""}; the correction no longer applies`,
          { ...at, pointer: `${at.pointer}/upstream` },
        ),
      );
      return;
    }
    const f = wf.field;
    delete f.ref;
    delete f.values;
    delete f.protoEnum;
    f.type = c.type.type;
    if (c.type.ref !== undefined) f.ref = c.type.ref;
    if (c.type.values !== undefined) f.values = c.type.values;
    wf.at = { ...at, pointer: `${at.pointer}/type` };
  });

  relaxRequired(overlay.corrections, working, sources, diagnostics, fieldCorrections);
  applied.push(...fieldCorrections.values());

  // 3. References resolve to resources (by public name), any fields to any types.
  const anyTypeNames = new Set(Object.keys(overlay.corrections.anyTypes ?? {}));
  for (const w of working.values())
    for (const wf of w.fields.values()) {
      if (wf.field.type === "any" && !anyTypeNames.has(wf.field.ref!))
        diagnostics.push(
          error(
            "spec.unresolved-ref",
            `refers to any type "${wf.field.ref}", which ${sources.corrections} does not define under anyTypes`,
            { ...wf.at, pointer: `${wf.at.pointer}/ref` },
          ),
        );
      if (wf.field.type !== "ref") continue;
      const target = w.added ? wf.field.ref! : (publicNames.get(wf.field.ref!) ?? wf.field.ref!);
      if (!working.has(target) && !working.has(wf.field.ref!))
        diagnostics.push(
          error(
            "spec.unresolved-ref",
            `refers to "${wf.field.ref}", which is neither a resource nor corrected in ${sources.corrections}`,
            { ...wf.at, pointer: `${wf.at.pointer}/ref` },
          ),
        );
    }

  // 4. Enums: the overlay names them by listing the fields they type.
  const enumOfField = new Map<string, string>();
  const enums = new Map<string, EnumIR>();
  /** Enums a usedBy entry of which is already an error: their emptiness follows from it and is not said again. */
  const refused = new Set<string>();
  /** Named enums no field is of any more (see staleEnum). */
  const stale: string[] = [];
  for (const [name, oe] of Object.entries(overlay.enums).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = sources.overlayEnum.get(name) ?? `spec/overlay/enums/${name}.json`;
    if (working.has(name))
      diagnostics.push(
        error(
          "spec.name-collision",
          `enum "${name}" has the same name as a resource`,
          { file },
          `rename this file (the enum's name), or give the resource another public name in ${sources.corrections} #/renames`,
        ),
      );
    const usedBy: string[] = [];
    oe.usedBy.forEach((path, i) => {
      const at = { file, pointer: pointer("usedBy", i) };
      const wf = lookupField(path, at);
      if (!wf) return;
      if (wf.field.type !== "enum") {
        diagnostics.push(error("spec.not-enum", `${path} is of type ${wf.field.type}, not an enum`, at));
        refused.add(name);
        return;
      }
      const other = enumOfField.get(path);
      if (other) {
        diagnostics.push(error("spec.enum-claimed-twice", `${path} is already typed by enum ${other}`, at));
        refused.add(name);
        return;
      }
      enumOfField.set(path, name);
      usedBy.push(path);
    });
    enums.set(name, { name, description: oe.description ?? "", values: [], usedBy, named: true });
  }
  for (const [res, w] of working)
    for (const [j, wf] of w.fields) {
      if (wf.field.type !== "enum") continue;
      const path = `${res}.${j}`;
      if (enumOfField.has(path)) continue;
      let name = `${res}${upperFirst(j.replace(/^_/, ""))}`;
      while (enums.has(name) || working.has(name)) name += "Enum";
      enumOfField.set(path, name);
      enums.set(name, { name, description: "", values: [], usedBy: [path], named: false });
      diagnostics.push(
        warning(
          "spec.unnamed-enum",
          `enum of ${path} has no name in spec/overlay/enums; called ${name} for now`,
          wf.at,
        ),
      );
    }
  const addedValues = new Map<string, { c: NonNullable<Corrections["addedEnumValues"]>[number]; i: number }[]>();
  (overlay.corrections.addedEnumValues ?? []).forEach((c, i) => {
    if (!enums.has(c.enum)) {
      diagnostics.push(
        warning("spec.stale-correction", `no enum "${c.enum}"; the added value ${c.value} is ignored`, {
          file: sources.corrections,
          pointer: `${pointer("addedEnumValues", i)}/enum`,
        }),
      );
      return;
    }
    addedValues.set(c.enum, [...(addedValues.get(c.enum) ?? []), { c, i }]);
  });
  for (const e of enums.values()) {
    const oe = overlay.enums[e.name];
    const file = sources.overlayEnum.get(e.name) ?? `spec/overlay/enums/${e.name}.json`;
    const values = new Map<string, EnumValueIR>();
    const protoEnums = new Set<string>();
    for (const path of e.usedBy) {
      const [res, j] = path.split(".") as [string, string];
      const f = working.get(res)!.fields.get(j)!.field;
      if (f.protoEnum) protoEnums.add(f.protoEnum);
      const names = new Set<string>();
      for (const v of f.values ?? []) {
        names.add(v.name);
        const known = values.get(v.name);
        if (!known)
          values.set(v.name, {
            name: v.name,
            deprecated: v.deprecated === true,
            description: "",
            ...(v.number !== undefined ? { number: v.number } : {}),
          });
        else if (v.number !== undefined && known.number !== undefined && known.number !== v.number)
          diagnostics.push(
            error(
              "spec.enum-number-conflict",
              `${e.name}.${v.name} has number ${known.number} in one field and ${v.number} in ${path}`,
              { file },
            ),
          );
        else if (v.number !== undefined) known.number = v.number;
      }
      if (e.usedBy.length > 1 && values.size !== names.size)
        diagnostics.push(
          warning("spec.enum-value-sets-differ", `${path} allows fewer values than enum ${e.name} as a whole`, {
            file,
          }),
        );
    }
    if (protoEnums.size === 1) e.protoEnum = [...protoEnums][0]!;
    for (const { c, i } of addedValues.get(e.name) ?? []) {
      const at: Location = { file: sources.corrections, pointer: pointer("addedEnumValues", i) };
      checkEvidence(c.evidence, at, diagnostics);
      if (values.has(c.value)) {
        diagnostics.push(
          warning("spec.stale-correction", `upstream now lists ${e.name}.${c.value}; the added value is ignored`, {
            ...at,
            pointer: `${at.pointer}/value`,
          }),
        );
        continue;
      }
      const correction: CorrectionIR = {
        kind: "addedEnumValue",
        target: `${e.name}.${c.value}`,
        reason: c.reason,
        evidence: c.evidence,
      };
      values.set(c.value, { name: c.value, deprecated: false, description: "", corrected: correction });
      applied.push(correction);
    }
    if (values.size === 0 && !refused.has(e.name)) {
      diagnostics.push(staleEnum(e, file));
      stale.push(e.name);
      continue;
    }
    for (const [v, text] of Object.entries(oe?.values ?? {})) {
      const value = values.get(v);
      if (value) value.description = text;
      else
        diagnostics.push(
          warning("spec.stale-enum-value", `${e.name} has no value ${v} any more; its description is unused`, {
            file,
            pointer: pointer("values", v),
          }),
        );
    }
    e.values = [...values.values()];
  }
  for (const name of stale) enums.delete(name);

  // 4b. Any types: their known messages are resources, each known by one type URL.
  const anyTypes = new Map<string, AnyTypeIR>();
  const typeUrlOf = new Map<string, string>();
  for (const [name, at] of Object.entries(overlay.corrections.anyTypes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const where = (...rest: string[]): Location => ({
      file: sources.corrections,
      pointer: pointer("anyTypes", name, ...rest),
    });
    if (working.has(name) || enums.has(name)) {
      diagnostics.push(
        error(
          "spec.name-collision",
          `any type "${name}" has the same name as ${working.has(name) ? "a resource" : "an enum"}`,
          where(),
        ),
      );
      continue;
    }
    const members: AnyTypeIR["members"] = [];
    for (const [url, resource] of Object.entries(at.messages)) {
      const target = working.get(resource);
      if (!target) {
        diagnostics.push(
          error(
            "spec.unresolved-ref",
            `type URL ${url} refers to "${resource}", which is not a resource`,
            where("messages", url),
          ),
        );
        continue;
      }
      const known = typeUrlOf.get(resource);
      if (known !== undefined && known !== url) {
        diagnostics.push(
          error(
            "spec.any-url-conflict",
            `${resource} is already known by the type URL ${known}`,
            where("messages", url),
          ),
        );
        continue;
      }
      const message = url.slice(url.lastIndexOf("/") + 1);
      if (target.resource.protoMessage && target.resource.protoMessage !== message)
        diagnostics.push(
          warning(
            "spec.any-url-mismatch",
            `${resource} is the proto message ${target.resource.protoMessage}, but the URL names ${message}`,
            where("messages", url),
          ),
        );
      typeUrlOf.set(resource, url);
      members.push({ typeUrl: url, resource });
    }
    members.sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
    const ov = overlay.resources[name];
    anyTypes.set(name, { name, description: ov?.description ?? "", members });
    if (
      ![...working.values()].some((w) =>
        [...w.fields.values()].some((wf) => wf.field.type === "any" && wf.field.ref === name),
      )
    )
      diagnostics.push(warning("spec.unused-any-type", `no field is of any type "${name}"`, where()));
    const ovFile = sources.overlayResource.get(name) ?? `spec/overlay/resources/${name}.json`;
    for (const key of ["fields", "unions"] as const)
      for (const j of Object.keys(ov?.[key] ?? {}))
        diagnostics.push(
          warning(
            "spec.stale-description",
            `${name} is an any type: it has no ${key === "fields" ? "field" : "oneof"} "${j}"`,
            { file: ovFile, pointer: pointer(key, j) },
          ),
        );
  }

  // 5. Unions: oneofs from the protos, plus members and oneofs the overlay adds.
  const unionsOf = new Map<string, Map<string, string[]>>();
  for (const [res, w] of working)
    unionsOf.set(res, new Map((w.resource.unions ?? []).map((u) => [u.name, [...u.members]])));
  (overlay.corrections.unions ?? []).forEach((u, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("unions", i) };
    const unions = unionsOf.get(u.resource);
    if (!unions) {
      diagnostics.push(
        warning("spec.stale-union", `no resource "${u.resource}"`, { ...at, pointer: `${at.pointer}/resource` }),
      );
      return;
    }
    const members = unions.get(u.union) ?? [];
    u.members.forEach((m, k) => {
      if (!working.get(u.resource)!.fields.has(m))
        diagnostics.push(
          warning("spec.stale-union-member", `${u.resource} has no field "${m}"; it is left out of oneof ${u.union}`, {
            ...at,
            pointer: `${at.pointer}/members/${k}`,
          }),
        );
      else if (!members.includes(m)) members.push(m);
    });
    if (members.length > 0) unions.set(u.union, members);
  });

  // 6. Aliases.
  const aliasesOf = new Map<string, string[]>();
  const aliasTargets = new Map<string, string>();
  (overlay.corrections.aliases ?? []).forEach((a, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("aliases", i) };
    if (!lookupField(a.field, { ...at, pointer: `${at.pointer}/field` })) return;
    const [res] = a.field.split(".") as [string];
    aliasesOf.set(a.field, [...(aliasesOf.get(a.field) ?? []), a.alias]);
    aliasTargets.set(`${res}.${a.alias}`, a.field.split(".")[1]!);
  });

  // 7. Descriptions and the final IR.
  const resources = new Map<string, ResourceIR>();
  for (const [name, w] of [...working].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ov = overlay.resources[name];
    const ovFile = sources.overlayResource.get(name) ?? `spec/overlay/resources/${name}.json`;
    const fieldUnion = new Map<string, string>();
    const unions: UnionIR[] = [];
    for (const [uname, members] of unionsOf.get(name)!) {
      for (const m of members) {
        const prev = fieldUnion.get(m);
        if (prev)
          diagnostics.push(
            error("spec.union-overlap", `${name}.${m} is in both oneof ${prev} and oneof ${uname}`, {
              file: w.file,
              pointer: "/unions",
            }),
          );
        else fieldUnion.set(m, uname);
      }
      unions.push({ name: uname, members, description: ov?.unions?.[uname] ?? "" });
    }
    const fields: FieldIR[] = [];
    for (const [j, wf] of w.fields) {
      const f = wf.field;
      const path = `${name}.${j}`;
      const ir: FieldIR = {
        jsonName: j,
        protoName: f.protoName,
        type: f.type,
        repeated: f.repeated === true,
        map: f.map === true,
        required: f.required === true,
        outputOnly: f.outputOnly === true,
        inputOnly: f.inputOnly === true,
        immutable: f.immutable === true,
        deprecated: f.deprecated === true,
        description: ov?.fields?.[j] ?? "",
        aliases: aliasesOf.get(path) ?? [],
      };
      if (f.type === "ref") ir.ref = w.added ? f.ref! : (publicNames.get(f.ref!) ?? f.ref!);
      if (f.type === "enum") ir.ref = enumOfField.get(path)!;
      if (f.type === "any") ir.ref = f.ref!;
      const aliasOf = aliasTargets.get(path);
      if (aliasOf) ir.aliasOf = aliasOf;
      const union = fieldUnion.get(j);
      if (union) ir.union = union;
      if (f.inPath) ir.inPath = true; // added by the importer from an HTTP rule; path-bound.ts keeps it optional
      const corrected = fieldCorrections.get(path);
      if (corrected) ir.corrected = corrected;
      fields.push(ir);
    }
    for (const j of Object.keys(ov?.fields ?? {}))
      if (!w.fields.has(j))
        diagnostics.push(
          warning("spec.stale-description", `${name} has no field "${j}" any more; its description is unused`, {
            file: ovFile,
            pointer: pointer("fields", j),
          }),
        );
    for (const u of Object.keys(ov?.unions ?? {}))
      if (!unionsOf.get(name)!.has(u))
        diagnostics.push(
          warning("spec.stale-description", `${name} has no oneof "${u}"`, {
            file: ovFile,
            pointer: pointer("unions", u),
          }),
        );
    const r: ResourceIR = {
      name,
      upstreamName: w.resource.name,
      deprecated: w.resource.deprecated === true,
      description: ov?.description ?? "",
      fields,
      unions,
      added: w.added,
    };
    if (w.resource.protoMessage) r.protoMessage = w.resource.protoMessage;
    const typeUrl = typeUrlOf.get(name);
    if (typeUrl !== undefined) r.typeUrl = typeUrl;
    resources.set(name, r);
  }
  for (const name of Object.keys(overlay.resources))
    if (!working.has(name) && !anyTypes.has(name))
      diagnostics.push(
        warning("spec.stale-description", `no resource "${name}" any more; this file is unused`, {
          file: sources.overlayResource.get(name) ?? name,
        }),
      );

  const methods = new Map<string, MethodIR>();
  for (const [id, m] of Object.entries(imported.methods).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const mi: MethodIR = { ...m, description: overlay.methods[id] ?? "" };
    if (m.request) mi.request = publicNames.get(m.request) ?? m.request;
    if (m.response) mi.response = publicNames.get(m.response) ?? m.response;
    for (const role of ["request", "response"] as const) {
      const ref = mi[role];
      if (ref !== undefined && !resources.has(ref))
        diagnostics.push(
          error("spec.unresolved-ref", `${role} refers to unknown resource "${ref}"`, {
            file: sources.importedMethods,
            pointer: pointer(id, role),
          }),
        );
    }
    methods.set(id, mi);
  }
  for (const id of Object.keys(overlay.methods))
    if (!methods.has(id))
      diagnostics.push(
        warning("spec.stale-description", `no method "${id}" any more`, {
          file: sources.overlayMethods,
          pointer: pointer(id),
        }),
      );

  const sortedEnums = new Map([...enums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const ir: SpecIR = {
    service: imported.service,
    resources,
    enums: sortedEnums,
    methods,
    anyTypes,
    publicNames,
    corrections: applied,
  };
  checkResponseScopes(ir, overlay.corrections, sources, diagnostics);
  return { ir, diagnostics };
}
