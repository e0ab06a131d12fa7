// Proofs of the diff's TypeScript verdicts (issue 14, item 6). For each revision pair, the types of both sides are
// generated and a small usage of every changed item, written as code against the old types would be
// (type-usages.ts), is compiled twice: against the old side, where it must compile (the control), and against the new
// side, where it must fail when the change's rule says it breaks the types and must compile when the rule is info.
// Warnings and changes that break only the wire or the validators claim the types still compile: so must their usages.
// Pairs: every before/after fragment of the rule tests (all rules), and the shared Discovery revisions both ways.
import { describe, expect, it } from "vitest";
import { ts } from "ts-morph";
import { diffSpecs, renameMap, type ClassifiedChange } from "../../packages/tools/src/diff/diff.ts";
import { readDiffSide } from "../../packages/tools/src/diff/inputs.ts";
import { RULE_BY_ID } from "../../packages/tools/src/diff/rules.ts";
import { hasErrors } from "../../packages/tools/src/diagnostics.ts";
import { typesSource } from "../../packages/tools/src/generate/types/index.ts";
import { readSpecFiles } from "../../packages/tools/src/spec/files.ts";
import { mergeSpec } from "../../packages/tools/src/spec/merge.ts";
import type { ImportedSpec, Overlay } from "../../packages/tools/src/spec/layers.ts";
import type { SpecIR } from "../../packages/tools/src/spec/ir.ts";
import { createProject } from "../generate/types-support.ts";
import { hasShared, PROJECT_ROOT, UPSTREAM } from "../support/shared.ts";
import { cases, spec } from "./rule-cases.ts";
import { usageModule, UsageWriter, type Usage } from "./type-usages.ts";

interface Side {
  /** File name of its generated types in the in-memory project. */
  file: string;
  ir: SpecIR;
  imported: ImportedSpec;
}

interface Pair {
  label: string;
  before: Side;
  after: Side;
  changes: ClassifiedChange[];
}

interface Verdict {
  pair: string;
  usage: Usage;
  /** Errors of the usage against the old side (must be none) and against the new side. */
  old: string[];
  new: string[];
}

const EMPTY_OVERLAY: Overlay = { resources: {}, enums: {}, methods: {}, corrections: {} };

function irOf(imported: ImportedSpec, overlay: Overlay): SpecIR {
  const { ir, diagnostics } = mergeSpec(imported, overlay);
  if (hasErrors(diagnostics))
    throw new Error(`the spec does not merge: ${diagnostics.map((d) => d.message).join("; ")}`);
  return ir;
}

/** Compiles every pair's usages against both of its sides in one program, and sorts the errors by usage. */
async function prove(sides: Side[], pairs: Pair[]): Promise<Verdict[]> {
  const files: Record<string, string> = {};
  for (const side of sides) files[side.file] = await typesSource(side.ir);
  const modules = pairs.map((pair, p) => {
    const usages = pair.changes.map((c) => new UsageWriter(pair.before.ir, pair.after.ir).usage(c));
    const against = (side: Side, which: "old" | "new") => {
      const module = usageModule(usages, `./${side.file}`, `./${pair.before.file}`);
      files[`use-${p}-${which}.ts`] = module.text;
      return module;
    };
    return { usages, old: against(pair.before, "old"), new: against(pair.after, "new") };
  });
  const project = createProject(files);
  const errors = new Map<string, string[]>(); // "file:usage" → messages
  for (const d of project.getPreEmitDiagnostics()) {
    const file = d.getSourceFile()?.getBaseName() ?? "";
    const match = /^use-(\d+)-(old|new)\.ts$/.exec(file);
    const message = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n");
    if (!match) throw new Error(`generated types do not compile: ${file}:${d.getLineNumber()}: ${message}`);
    const module = modules[Number(match[1])]![match[2] as "old" | "new"];
    const at = `${file}:${module.usageAt(d.getLineNumber() ?? 0)}`;
    errors.set(at, [...(errors.get(at) ?? []), message]);
  }
  return modules.flatMap((m, p) =>
    m.usages.map((usage, i) => ({
      pair: pairs[p]!.label,
      usage,
      old: errors.get(`use-${p}-old.ts:${i}`) ?? [],
      new: errors.get(`use-${p}-new.ts:${i}`) ?? [],
    })),
  );
}

const breaksTypes = (c: ClassifiedChange) => RULE_BY_ID.get(c.rule)!.breaks.includes("types");
const show = (v: Verdict) =>
  `${v.pair}: ${v.usage.change.rule} ${v.usage.change.path} (${v.usage.change.direction})\n${v.usage.code ?? "(no usage)"}\nold: ${v.old.join(" | ")}\nnew: ${v.new.join(" | ")}`;

/**
 * The verdicts the proof refutes: a usage that fails on the old side; a change whose rule says it breaks the types
 * whose usage compiles (or that has none); any other change (info, warning, or breaking only the wire or the
 * validators) whose usage does not compile.
 */
function refuted(verdicts: Verdict[]): string[] {
  return verdicts
    .filter(
      (v) =>
        v.old.length > 0 ||
        (breaksTypes(v.usage.change) ? v.usage.code === undefined || v.new.length === 0 : v.new.length > 0),
    )
    .map(show);
}

function tally(verdicts: Verdict[]): Record<string, number> {
  const out: Record<string, number> = {
    "breaks types, fails to compile": 0,
    "info, compiles": 0,
    "warning or wire/validators only, compiles": 0,
    "nothing old code can name": 0,
  };
  for (const v of verdicts) {
    const c = v.usage.change;
    if (v.usage.code === undefined) out["nothing old code can name"]!++;
    else if (breaksTypes(c)) out["breaks types, fails to compile"]!++;
    else if (c.level === "info") out["info, compiles"]!++;
    else out["warning or wire/validators only, compiles"]!++;
  }
  return out;
}

describe("compile proofs of the type verdicts", () => {
  it("hold for every before/after fragment of the rule tests", async () => {
    const sides: Side[] = [];
    const pairs: Pair[] = cases.map(([name, { before, after }], i) => {
      const [a, b] = [spec(before), spec(after)];
      const sideOf = (imported: ImportedSpec, which: string): Side => {
        const side = { file: `case${i}-${which}.ts`, ir: irOf(imported, EMPTY_OVERLAY), imported };
        sides.push(side);
        return side;
      };
      return {
        label: name,
        before: sideOf(a, "old"),
        after: sideOf(b, "new"),
        changes: diffSpecs(a, b, new Map()).changes,
      };
    });
    const verdicts = await prove(sides, pairs);
    if (process.env.SHOW_PROOFS) for (const v of verdicts) console.log(show(v));
    expect(refuted(verdicts)).toEqual([]);
    // Every rule that claims to break the types is shown to by at least one fragment.
    const proved = new Set(
      verdicts.filter((v) => breaksTypes(v.usage.change) && v.new.length > 0).map((v) => v.usage.change.rule),
    );
    expect(
      [...RULE_BY_ID.values()].filter((r) => r.breaks.includes("types") && !proved.has(r.id)).map((r) => r.id),
    ).toEqual([]);
  }, 60_000);

  it.skipIf(!hasShared)(
    "hold for the shared Discovery revisions, in both directions",
    async () => {
      const { files } = await readSpecFiles("spec", PROJECT_ROOT);
      const overlay = files.overlay;
      const revisions = [UPSTREAM.discovery20250612, UPSTREAM.discovery20251028, UPSTREAM.discovery];
      const sides: Side[] = [];
      for (const [i, path] of revisions.entries()) {
        const { imported, diagnostics } = await readDiffSide(path, overlay, PROJECT_ROOT);
        if (!imported) throw new Error(diagnostics.map((d) => d.message).join("; "));
        sides.push({ file: `rev${i}.ts`, ir: irOf(imported, overlay), imported });
      }
      const renames = renameMap(overlay);
      const pairs: Pair[] = [];
      for (const [a, b] of [
        [0, 1],
        [1, 2],
        [1, 0],
        [2, 1],
      ] as const) {
        const [before, after] = [sides[a]!, sides[b]!];
        pairs.push({
          label: `${before.ir.service.revision} → ${after.ir.service.revision}`,
          before,
          after,
          changes: diffSpecs(before.imported, after.imported, renames).changes,
        });
      }
      const verdicts = await prove(sides, pairs);
      expect(refuted(verdicts)).toEqual([]);
      const counts = tally(verdicts);
      console.info(`compile proofs over the shared revisions: ${JSON.stringify(counts)}`);
      expect(counts["breaks types, fails to compile"]).toBeGreaterThan(0);
    },
    120_000,
  );
});
