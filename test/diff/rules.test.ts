// Each rule from a before/after fragment: the smallest spec pair that shows the change, and the rule and level the
// diff gives it. Every rule of the table except the catch-all has a case here.
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../packages/tools/src/diff/diff.ts";
import { RULES } from "../../packages/tools/src/diff/rules.ts";
import { cases, enumField, spec } from "./rule-cases.ts";

describe("diff rules", () => {
  it.each(cases)("%s", (_name, { before, after, want }) => {
    const { changes } = diffSpecs(spec(before), spec(after), new Map());
    expect(changes.map((c) => [c.rule, c.level, c.path])).toEqual(Array.isArray(want[0]) ? want : [want]);
  });

  it("every rule but the catch-all and the upstream rename has a case", () => {
    const covered = new Set(
      cases.flatMap(([, { want }]) =>
        Array.isArray(want[0]) ? (want as string[][]).map((w) => w[0]) : [want[0] as string],
      ),
    );
    const missing = RULES.map((r) => r.id).filter(
      (id) => !covered.has(id) && id !== "unclassified-change" && id !== "resource-upstream-renamed",
    );
    expect(missing).toEqual([]);
  });

  it("a rename recorded in the overlay applies to both sides: an upstream rename is one change, not a removal and an addition", () => {
    const before = spec({
      resources: { Res: { g: { type: "ref", ref: "GroundingSupport" } }, GroundingSupport: { a: {} } },
    });
    const after = spec({
      resources: { Res: { g: { type: "ref", ref: "V1alphaGroundingSupport" } }, V1alphaGroundingSupport: { a: {} } },
    });
    const { changes } = diffSpecs(before, after, new Map([["V1alphaGroundingSupport", "GroundingSupport"]]));
    expect(changes.map((c) => [c.rule, c.path, c.before, c.after, c.direction])).toEqual([
      ["resource-upstream-renamed", "GroundingSupport", "GroundingSupport", "V1alphaGroundingSupport", "response"],
    ]);
  });

  it("an added field's type names the public name of the resource it refers to", () => {
    const before = spec({ resources: { GroundingSupport: { a: {} } } });
    const after = spec({
      resources: {
        Res: { g: { type: "ref", ref: "V1alphaGroundingSupport", required: true } },
        V1alphaGroundingSupport: { a: {} },
      },
    });
    const renames = new Map([["V1alphaGroundingSupport", "GroundingSupport"]]);
    const added = diffSpecs(before, after, renames).changes.filter((c) => c.subject === "field");
    expect(added.map((c) => [c.path, c.after, c.flags])).toEqual([["Res.g", "ref GroundingSupport", ["required"]]]);
  });

  it("every rule has a level consistent with what it breaks", () => {
    expect(RULES.filter((r) => (r.level === "breaking") !== r.breaks.length > 0).map((r) => r.id)).toEqual([]);
  });
});

describe("the README's rule table", () => {
  // The table is rendered from RULES; UPDATE_FIXTURES=1 rewrites it in the README (review the diff).
  const row = (r: (typeof RULES)[number]) =>
    `| \`${r.id}\` | ${r.level} | ${r.breaks.join(", ") || "—"} | ${r.summary} | ${r.example} |`;
  const table = [
    "| rule | level | breaks | what and why | example |",
    "| --- | --- | --- | --- | --- |",
    ...RULES.map(row),
  ].join("\n");

  it("is the rule table, row for row", async () => {
    const { readFileSync, writeFileSync } = await import("node:fs");
    const path = new URL("../../README.md", import.meta.url);
    const readme = readFileSync(path, "utf8");
    const start = readme.indexOf("| rule | level | breaks |");
    const end = readme.indexOf("\n\n", start);
    expect(start).toBeGreaterThan(0);
    if (process.env.UPDATE_FIXTURES === "1") writeFileSync(path, readme.slice(0, start) + table + readme.slice(end));
    else expect(readme.slice(start, end)).toBe(table);
  });
});

describe("the import report", () => {
  it("is classified the same way as diff, and its text says each change's level and rule", async () => {
    const { compareImported, formatReport } = await import("../../packages/tools/src/import/report.ts");
    const report = compareImported(
      spec({ resources: { Res: { e: enumField("A") } } }),
      spec({ revision: "2", resources: { Res: { e: enumField("A", "B") } } }),
      new Map(),
    );
    expect(report.changes.map((c) => [c.rule, c.level, c.direction])).toEqual([
      ["revision-changed", "info", "none"],
      ["response-enum-value-added", "warning", "response"],
    ]);
    expect(formatReport(report)).toContain("+ Res.e#B  [warning: response-enum-value-added]");
    expect(formatReport(report)).toContain("Levels: breaking: 0; warning: 1; info: 1");
  });
});
