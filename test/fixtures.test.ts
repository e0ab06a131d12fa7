// The project's own payload fixtures (test/fixtures/): the manifest and the files agree, every fixture parses and is
// stored in the byte form round-trip tests expect, each sits under recorded/ or constructed/ as its origin says, and
// together they cover the method families, stream framings, error bodies and every FinishReason / BlockReason value
// of the spec. Enum values, enum numbers and wire formats are read from the spec, never listed here.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadSpec } from "../packages/tools/src/spec/load.ts";
import type { EnumIR, SpecIR } from "../packages/tools/src/spec/ir.ts";
import { formatJson, formatSse, parseManifest, parseSse, type ManifestEntry } from "../scripts/record-fixtures.ts";
import { PROJECT_ROOT, SHARED_DIR } from "./support/shared.ts";

const FIXTURES = join(PROJECT_ROOT, "test/fixtures");
const manifest = parseManifest(readFileSync(join(FIXTURES, "manifest.jsonl"), "utf8"));
const ERROR_RESOURCE = "ErrorResponse";

let ir: SpecIR;
beforeAll(async () => {
  const loaded = await loadSpec(join(PROJECT_ROOT, "spec"), PROJECT_ROOT);
  if (!loaded.ir) throw new Error(`spec/ does not load: ${loaded.diagnostics.map((d) => d.message).join("; ")}`);
  ir = loaded.ir;
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}

const text = (e: ManifestEntry) => readFileSync(join(FIXTURES, e.file), "utf8");

/** The message(s) a fixture holds: one body, or every chunk of a stream. */
function bodies(e: ManifestEntry): unknown[] {
  if (e.framing === "sse") return parseSse(text(e)).events;
  const value: unknown = JSON.parse(text(e));
  return e.framing === "json-array" ? (value as unknown[]) : [value];
}

/** Every value under `key` anywhere in `value`. */
function valuesOf(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesOf(v, key));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [...(k === key ? [v] : []), ...valuesOf(v, key)]);
}

const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
      : [];

const responses = () => manifest.filter((e) => e.role !== "request");
const enumValues = (name: string): EnumIR => {
  const found = ir.enums.get(name);
  if (!found) throw new Error(`enum ${name} is not in the spec`);
  return found;
};

describe("manifest.jsonl", () => {
  const KEYS = new Set(["file", "resource", "role", "method", "framing", "obtained", "shows"]);

  it.each(manifest.map((e) => [e.file, e] as const))("%s: a well-formed line", (_file, e) => {
    expect(Object.keys(e).filter((k) => !KEYS.has(k))).toEqual([]);
    expect(["request", "response", "stream"]).toContain(e.role);
    expect(e.resource).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    expect(e.method).toMatch(/^[a-zA-Z_]+\.[a-zA-Z]+$/);
    if (e.role === "stream") expect(["sse", "json-array"]).toContain(e.framing);
    else expect(e.framing).toBeUndefined();
    expect(e.obtained).toMatch(/^(constructed|live:\d{4}-\d{2}-\d{2}|seed:[\w.-]+\.txt#\S+)$/);
    expect(e.shows.trim().length).toBeGreaterThan(10);
    expect(e.shows).not.toMatch(/\n/);
  });

  it("lists each file once", () => {
    const files = manifest.map((e) => e.file);
    expect(files.filter((f, i) => files.indexOf(f) !== i)).toEqual([]);
  });

  it("names only files that exist, and every fixture file has a line", () => {
    expect(manifest.filter((e) => !existsSync(join(FIXTURES, e.file))).map((e) => e.file)).toEqual([]);
    const listed = new Set(manifest.map((e) => e.file));
    const onDisk = filesUnder(FIXTURES)
      .map((f) => relative(FIXTURES, f).split("\\").join("/"))
      .filter((f) => f !== "manifest.jsonl" && f !== "README.md");
    expect(onDisk.filter((f) => !listed.has(f))).toEqual([]);
  });
});

describe.each(manifest.map((e) => [e.file, e] as const))("%s", (_file, e) => {
  it("parses, and is stored in its canonical byte form", () => {
    const raw = text(e);
    if (e.framing === "sse") {
      const { events, separator } = parseSse(raw);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event).toBeTypeOf("object");
      expect(raw).toBe(formatSse(events, separator));
    } else {
      const value: unknown = JSON.parse(raw);
      if (e.framing === "json-array") {
        expect(Array.isArray(value)).toBe(true);
        expect((value as unknown[]).length).toBeGreaterThan(0);
      }
      expect(raw).toBe(formatJson(value));
    }
  });

  it("sits under the folder its origin names", () => {
    expect(e.file.startsWith(e.obtained === "constructed" ? "constructed/" : "recorded/")).toBe(true);
  });

  it("names a spec method, and that method's request or response resource", () => {
    const method = ir.methods.get(e.method);
    expect(method, `method ${e.method}`).toBeDefined();
    const publicName = (upstream?: string) => (upstream ? (ir.publicNames.get(upstream) ?? upstream) : undefined);
    if (e.role === "request") expect(e.resource).toBe(publicName(method!.request));
    else if (e.resource !== ERROR_RESOURCE) expect(e.resource).toBe(publicName(method!.response));
    if (e.role === "stream") expect(method!.streaming).toBe("server");
  });

  it("writes enums as known names or proto numbers, and int64, bytes, timestamps and durations in their JSON forms", () => {
    if (!ir.resources.has(e.resource)) return; // ErrorResponse, until the spec has it
    const problems = bodies(e).flatMap((body, i) => wireProblems(e.resource, body, `#${i}`));
    expect(problems).toEqual([]);
  });
});

describe("seed references", () => {
  const seeded = manifest.filter((e) => e.obtained.startsWith("seed:"));
  it.skipIf(!existsSync(join(SHARED_DIR, "seeds")))("name seed files that exist in ../shared/seeds", () => {
    const missing = seeded
      .map((e) => e.obtained.slice("seed:".length).split("#")[0]!)
      .filter((name) => !existsSync(join(SHARED_DIR, "seeds", name)));
    expect(missing).toEqual([]);
  });
});

describe("coverage", () => {
  const FAMILIES: [method: string, role: ManifestEntry["role"], framing?: ManifestEntry["framing"]][] = [
    ["models.generateContent", "request"],
    ["models.generateContent", "response"],
    ["models.streamGenerateContent", "request"],
    ["models.streamGenerateContent", "stream", "sse"],
    ["models.streamGenerateContent", "stream", "json-array"],
    ["files.get", "response"],
    ["files.list", "response"],
    ["files.delete", "response"],
    ["media.upload", "request"],
    ["media.upload", "response"],
    ["models.countTokens", "request"],
    ["models.countTokens", "response"],
    ["models.embedContent", "request"],
    ["models.embedContent", "response"],
    ["models.batchGenerateContent", "request"],
    ["models.batchGenerateContent", "response"],
  ];
  it.each(FAMILIES)("%s has a non-error %s fixture %s", (method, role, framing) => {
    const found = manifest.filter(
      (e) => e.method === method && e.role === role && e.framing === framing && e.resource !== ERROR_RESOURCE,
    );
    expect(found.length).toBeGreaterThan(0);
  });

  it("recorded and constructed fixtures both exist", () => {
    expect(manifest.some((e) => e.obtained.startsWith("seed:") || e.obtained.startsWith("live:"))).toBe(true);
    expect(manifest.some((e) => e.obtained === "constructed")).toBe(true);
  });

  it.each(["sse", "json-array"] as const)(
    "a %s stream has several chunks with a thought and a function call, and ends with finishReason and usageMetadata",
    (framing) => {
      const full = manifest
        .filter((e) => e.role === "stream" && e.framing === framing)
        .filter((e) => {
          const chunks = bodies(e);
          const last = chunks.at(-1);
          return (
            chunks.length >= 3 &&
            valuesOf(chunks, "thought").includes(true) &&
            valuesOf(chunks, "functionCall").length > 0 &&
            valuesOf(last, "finishReason").length > 0 &&
            valuesOf(last, "usageMetadata").length > 0
          );
        });
      expect(full.map((e) => e.file)).not.toEqual([]);
    },
  );

  it("an upload response carries the new File under `file`", () => {
    const uploads = manifest.filter((e) => e.method === "media.upload" && e.resource === "CreateFileResponse");
    expect(uploads.some((e) => typeof (bodies(e)[0] as { file?: { name?: unknown } }).file?.name === "string")).toBe(
      true,
    );
  });

  it("the batch fixtures include the Operation batchGenerateContent returns", () => {
    const ops = manifest.filter((e) => e.method === "models.batchGenerateContent" && e.resource === "Operation");
    expect(ops.some((e) => typeof (bodies(e)[0] as { name?: unknown }).name === "string")).toBe(true);
  });

  type ErrorBody = { error?: { code?: number; status?: string; details?: { "@type"?: string }[] } };
  const errors = () =>
    manifest.filter((e) => e.resource === ERROR_RESOURCE).map((e) => (bodies(e)[0] as ErrorBody).error ?? {});
  const detailTypes = (err: NonNullable<ErrorBody["error"]>) =>
    (err.details ?? []).map((d) => String(d["@type"]).replace(/^.*\//, ""));
  it.each([
    [400, "INVALID_ARGUMENT", ["google.rpc.BadRequest"]],
    [429, "RESOURCE_EXHAUSTED", ["google.rpc.QuotaFailure", "google.rpc.RetryInfo"]],
    [403, "PERMISSION_DENIED", ["google.rpc.ErrorInfo"]],
    [404, "NOT_FOUND", []],
    [500, "INTERNAL", []],
  ] as const)("an error body %i %s with details %j", (code, status, details) => {
    const match = errors().filter(
      (err) => err.code === code && err.status === status && details.every((d) => detailTypes(err).includes(d)),
    );
    expect(match.length).toBeGreaterThan(0);
  });

  it("the 400 body lists fieldViolations", () => {
    const violations = errors()
      .filter((err) => err.code === 400)
      .flatMap((err) => valuesOf(err, "fieldViolations"));
    expect(violations.some((v) => Array.isArray(v) && v.length > 0)).toBe(true);
  });

  it.each([
    ["FinishReason", "finishReason"],
    ["BlockReason", "blockReason"],
  ])("every %s value of the spec appears in some response fixture", (enumName, key) => {
    const seen = new Set(responses().flatMap((e) => valuesOf(bodies(e), key)));
    const missing = enumValues(enumName)
      .values.map((v) => v.name)
      .filter((name) => !seen.has(name));
    expect(missing).toEqual([]);
  });

  it("a request spells its keys in proto snake_case, as hand-written clients do", () => {
    const want = [
      "system_instruction",
      "inline_data",
      "mime_type",
      "generation_config",
      "response_mime_type",
      "function_declarations",
    ];
    const requests = manifest.filter((e) => e.role === "request");
    const complete = requests.filter((e) => {
      const keys = new Set(keysOf(bodies(e)));
      return want.every((k) => keys.has(k));
    });
    expect(complete.map((e) => e.file)).not.toEqual([]);
  });

  it("a constructed response uses integer-encoded enums", () => {
    const intEncoded = responses().filter(
      (e) => e.obtained === "constructed" && valuesOf(bodies(e), "finishReason").some((v) => typeof v === "number"),
    );
    expect(intEncoded.map((e) => e.file)).not.toEqual([]);
  });

  it("requests include systemInstruction, functionDeclarations, responseJsonSchema, safetySettings and inlineData", () => {
    const keys = new Set(manifest.filter((e) => e.role === "request").flatMap((e) => keysOf(bodies(e))));
    for (const k of [
      "systemInstruction",
      "functionDeclarations",
      "responseMimeType",
      "responseJsonSchema",
      "safetySettings",
      "inlineData",
    ]) {
      expect(keys, k).toContain(k);
    }
  });
});

// ---------------------------------------------------------------- walking a body along the spec

const INT64 = /^-?\d{1,19}$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^-?\d+(\.\d{1,9})?s$/;

/**
 * Problems with how `value` (a `resource`) writes its fields: enum names the spec lacks or numbers no value has,
 * and int64/uint64, bytes, timestamps and durations not in their JSON string forms. Fields are found by JSON name
 * or proto name (snake_case bodies are checked too); unknown fields are left to the validators. A struct with an
 * "@type" naming a spec resource (an Operation's metadata or response) is followed into that resource.
 */
function wireProblems(resource: string, value: unknown, at: string): string[] {
  const r = ir.resources.get(resource);
  if (!r || value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const problems: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const field = r.fields.find((f) => f.jsonName === key || f.protoName === key);
    if (!field) continue;
    const items = (
      field.repeated && Array.isArray(v) ? v : field.map && v && typeof v === "object" ? Object.values(v) : [v]
    ) as unknown[];
    for (const [i, item] of items.entries()) {
      const where = `${at}/${key}${items.length > 1 || field.repeated ? `/${i}` : ""}`;
      problems.push(...itemProblems(field.type, field.ref, item, where));
    }
  }
  return problems;
}

function itemProblems(type: string, ref: string | undefined, item: unknown, where: string): string[] {
  const bad = (what: string) => [`${where}: ${JSON.stringify(item)} is not ${what}`];
  switch (type) {
    case "int64":
    case "uint64":
      return typeof item === "string" && INT64.test(item) ? [] : bad("an int64 decimal string");
    case "bytes":
      return typeof item === "string" && BASE64.test(item) ? [] : bad("base64");
    case "timestamp":
      return typeof item === "string" && TIMESTAMP.test(item) && !Number.isNaN(Date.parse(item)) ? [] : bad("RFC 3339");
    case "duration":
      return typeof item === "string" && DURATION.test(item) ? [] : bad('a duration such as "3.5s"');
    case "enum": {
      const e = ir.enums.get(ref!);
      if (!e) return [];
      if (typeof item === "number")
        return e.values.some((x) => x.number === item) ? [] : bad(`a proto number of ${e.name}`);
      // Requests transcribed from the seeds may spell a value in lower case, as the API tolerates.
      return typeof item === "string" && e.values.some((x) => x.name === item || x.name === item.toUpperCase())
        ? []
        : bad(`a value of ${e.name}`);
    }
    case "ref":
      return wireProblems(ref!, item, where);
    case "struct": {
      const type = (item as { "@type"?: unknown } | null)?.["@type"];
      const named = typeof type === "string" ? type.replace(/^.*[./]/, "") : undefined;
      return named && ir.resources.has(named) ? wireProblems(named, item, where) : [];
    }
    default:
      return [];
  }
}
