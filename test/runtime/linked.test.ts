// Linked data (packages/runtime/src/linked.ts): the registry that includes an entry with everything it reaches, and
// the model's links (packages/runtime/generated/model.ts), which must bring every resource and enum the runtime may look up while
// validating a resource — a link missing would go unnoticed in tests that include the whole model, and fail in an
// application's bundle. (The schemas' links are held to the $refs in test/runtime/reference.test.ts.)
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as modelData from "../../packages/runtime/generated/model.ts";
import { LinkedRegistry, type LinkedData } from "../../packages/runtime/src/linked.ts";
import type { ResourceModel } from "../../packages/runtime/src/runtime-model.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

describe("LinkedRegistry", () => {
  const entry = (name: string, value: unknown, refs?: () => LinkedData[]): LinkedData => ({
    name,
    json: JSON.stringify(value),
    ...(refs ? { refs } : {}),
  });
  // A → B → C → A (a cycle), A → D; E stands apart.
  const a: LinkedData = entry("A", 1, () => [b, d]);
  const b: LinkedData = entry("B", 2, () => [c]);
  const c: LinkedData = entry("C", 3, () => [a]);
  const d = entry("D", 4);
  const e = entry("E", 5);

  it("includes an entry with all it reaches, cycles included, and nothing else", () => {
    const registry = new LinkedRegistry((data) => data);
    expect(registry.get("A")).toBeUndefined();
    registry.include(b);
    expect(["A", "B", "C", "D", "E"].map((n) => registry.get(n))).toEqual([1, 2, 3, 4, undefined]);
    registry.include(e);
    expect(registry.get("E")).toBe(5);
  });

  it("prepares an entry's data once, when first read", () => {
    const prepared: string[] = [];
    const registry = new LinkedRegistry((data, name) => {
      prepared.push(name);
      return { data };
    });
    registry.include(a);
    expect(prepared).toEqual([]);
    const first = registry.get("C");
    expect(registry.get("C")).toBe(first);
    expect(prepared).toEqual(["C"]);
  });

  it("knows no names it was not given, prototype names included", () => {
    const registry = new LinkedRegistry((data) => data);
    registry.include(d);
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"])
      expect(registry.get(name)).toBeUndefined();
  });
});

describe("the model's links", () => {
  it("link each resource to exactly what its fields hold: resources, enums, and the resources of its any types", async () => {
    const { ir } = await loadSpec(join(PROJECT_ROOT, "spec"));
    const entries = Object.values(modelData as Record<string, unknown>) as LinkedData[];
    expect(entries.map((e) => e.name).sort()).toEqual([...ir!.resources.keys(), ...ir!.enums.keys()].sort());
    for (const entry of entries) {
      const data = JSON.parse(entry.json) as Partial<ResourceModel>;
      const held = Object.values(data.fields ?? {}).flatMap((field) =>
        field.type === "any"
          ? ir!.anyTypes.get(field.ref!)!.members.map((m) => m.resource)
          : field.type === "ref" || field.type === "enum"
            ? [field.ref!]
            : [],
      );
      const expected = [...new Set(held)].filter((name) => name !== entry.name).sort();
      expect([entry.name, (entry.refs?.() ?? []).map((r) => r.name).sort()]).toEqual([entry.name, expected]);
    }
  });

  it("reach the resources an error body's details may hold (google.protobuf.Any)", () => {
    const status = (modelData as unknown as Record<string, LinkedData>)["Status"]!;
    expect(status.refs?.().map((r) => r.name)).toEqual(
      expect.arrayContaining(["BadRequest", "ErrorInfo", "RetryInfo"]),
    );
  });
});
