// scripts/record-fixtures.ts without a network: redaction, the manifest format and its update, SSE framing, and a
// whole recording run against a fake fetch that echoes the key back wherever a careless server could.
import { describe, expect, it, vi } from "vitest";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  formatJson,
  formatSse,
  main,
  parseManifest,
  parseSse,
  recordAll,
  redactHeaders,
  redactString,
  redactValue,
  REDACTED,
  serializeManifest,
  updateManifest,
  type ManifestEntry,
} from "../../scripts/record-fixtures.ts";
import { tempDir } from "../support/tmp.ts";

const KEY = "AIzaSyFAKE-key_0123456789+/=";

describe("redaction", () => {
  it("replaces every occurrence of the key, raw and percent-encoded", () => {
    const s = `a ${KEY} b ${encodeURIComponent(KEY)} c ${KEY}`;
    expect(redactString(s, [KEY])).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
  });

  it("blanks key= query parameters even when the value is not the known key", () => {
    expect(redactString("https://x/v1beta/files?key=other123&alt=sse", [KEY])).toBe(
      `https://x/v1beta/files?key=${REDACTED}&alt=sse`,
    );
    expect(redactString("https://x/y?alt=sse&key=zzz", [])).toBe(`https://x/y?alt=sse&key=${REDACTED}`);
  });

  it("ignores empty secrets and leaves other text alone", () => {
    expect(redactString("nothing secret here", ["", KEY])).toBe("nothing secret here");
  });

  it("redacts strings and object keys at any depth, without touching the input", () => {
    const input = { a: [1, true, null, `x${KEY}y`], [KEY]: { deep: { msg: `Invalid API key: ${KEY}` } }, n: 3.5 };
    const out = redactValue(input, [KEY]);
    expect(out).toEqual({
      a: [1, true, null, `x${REDACTED}y`],
      [REDACTED]: { deep: { msg: `Invalid API key: ${REDACTED}` } },
      n: 3.5,
    });
    expect(input.a[3]).toBe(`x${KEY}y`);
  });

  it("blanks credential headers whatever their case, and redacts the key inside other headers", () => {
    expect(
      redactHeaders(
        {
          "X-Goog-Api-Key": "anything",
          authorization: "Bearer t",
          "x-goog-upload-url": `https://u/?upload_id=1&key=${KEY}`,
          "content-type": "application/json",
        },
        [KEY],
      ),
    ).toEqual({
      "X-Goog-Api-Key": REDACTED,
      authorization: REDACTED,
      "x-goog-upload-url": `https://u/?upload_id=1&key=${REDACTED}`,
      "content-type": "application/json",
    });
  });
});

const entry = (file: string, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
  file,
  resource: "GenerateContentResponse",
  role: "response",
  method: "models.generateContent",
  obtained: "constructed",
  shows: `what ${file} shows`,
  ...extra,
});

describe("manifest", () => {
  it("serializes one line per entry with a fixed key order, and parses back", () => {
    const e = {
      shows: "s",
      obtained: "live:2026-03-25",
      framing: "sse",
      method: "m.x",
      role: "stream",
      resource: "R",
      file: "f",
    };
    const text = serializeManifest([e as ManifestEntry]);
    expect(text).toBe(
      '{"file":"f","resource":"R","role":"stream","method":"m.x","framing":"sse","obtained":"live:2026-03-25","shows":"s"}\n',
    );
    expect(parseManifest(text)).toEqual([e]);
    expect(serializeManifest([])).toBe("");
  });

  it("skips blank lines and names the line that does not parse", () => {
    expect(parseManifest('\n{"file":"a"}\n\n')).toEqual([{ file: "a" }]);
    expect(() => parseManifest('{"file":"a"}\n{oops\n')).toThrow(/manifest line 2/);
  });

  it("replaces lines of files it knows where they stand and appends new files in order", () => {
    const existing = [entry("a"), entry("recorded/live/x.json", { obtained: "live:2025-01-01" }), entry("b")];
    const updated = updateManifest(existing, [
      entry("new-1", { obtained: "live:2026-03-25" }),
      entry("recorded/live/x.json", { obtained: "live:2026-03-25" }),
      entry("new-2", { obtained: "live:2026-03-25" }),
    ]);
    expect(updated.map((e) => `${e.file} ${e.obtained}`)).toEqual([
      "a constructed",
      "recorded/live/x.json live:2026-03-25",
      "b constructed",
      "new-1 live:2026-03-25",
      "new-2 live:2026-03-25",
    ]);
    expect(existing[1]!.obtained).toBe("live:2025-01-01");
  });
});

describe("SSE framing", () => {
  it("reads CRLF and LF events, joins multi-line data and skips comments and other fields", () => {
    expect(parseSse('data: {"a":1}\r\n\r\ndata: {"b":2}\r\n\r\n')).toEqual({
      events: [{ a: 1 }, { b: 2 }],
      separator: "\r\n\r\n",
    });
    expect(parseSse(': keep-alive\n\nevent: message\ndata: {"a":\ndata: 1}\n\n')).toEqual({
      events: [{ a: 1 }],
      separator: "\n\n",
    });
  });

  it("writes compact data lines with the separator given, so parse and format round-trip", () => {
    const text = formatSse([{ a: 1 }, { b: [2] }], "\n\n");
    expect(text).toBe('data: {"a":1}\n\ndata: {"b":[2]}\n\n');
    const { events, separator } = parseSse(text);
    expect(formatSse(events, separator)).toBe(text);
    expect(formatJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});

// ---------------------------------------------------------------- a whole run against a fake API

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const json = (value: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value, null, 1), { status, headers: { "content-type": "application/json", ...headers } });

function fakeApi() {
  const calls: Call[] = [];
  const file = { name: "files/abc123", mimeType: "text/plain", sizeBytes: "52", state: "ACTIVE" };
  const chunk = (t: string, last = false) => ({
    candidates: [
      { content: { parts: [{ text: t }], role: "model" }, ...(last ? { finishReason: "STOP" } : {}), index: 0 },
    ],
    usageMetadata: { promptTokenCount: 5, totalTokenCount: 9 },
  });
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
    calls.push({ method: init?.method ?? "GET", url, headers, body: init?.body as string | undefined });
    const path = url.replace(/^https:\/\/generativelanguage\.googleapis\.com\//, "");
    if (path.endsWith(":generateContent")) return json({ ...chunk("Wear.", true), modelVersion: "m" });
    if (path.endsWith(":streamGenerateContent?alt=sse")) {
      const body = [chunk("a"), chunk("b"), chunk("c", true)].map((c) => `data: ${JSON.stringify(c)}\r\n\r\n`).join("");
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    }
    if (path.endsWith(":streamGenerateContent")) return json([chunk("a"), chunk("b", true)]);
    if (path.endsWith(":countTokens")) return json({ totalTokens: 5 });
    if (path.endsWith(":embedContent")) {
      // An error that echoes the key, as the API's DebugInfo can.
      return json(
        {
          error: {
            code: 400,
            message: "API key not valid.",
            status: "INVALID_ARGUMENT",
            details: [{ "@type": "type.googleapis.com/google.rpc.DebugInfo", detail: `Invalid API key: ${KEY}` }],
          },
        },
        400,
      );
    }
    if (path === "upload/v1beta/files") {
      return new Response("", {
        headers: {
          "x-goog-upload-url": `https://generativelanguage.googleapis.com/upload/v1beta/files?upload_id=u1&key=${KEY}`,
        },
      });
    }
    if (path.startsWith("upload/v1beta/files?upload_id=u1")) return json({ file: { ...file, displayName: KEY } });
    if (path === "v1beta/files/abc123" && init?.method === "GET") return json(file);
    if (path === "v1beta/files?pageSize=5") return json({ files: [file] });
    if (path === "v1beta/files/abc123" && init?.method === "DELETE") return json({});
    if (path.endsWith(":batchGenerateContent"))
      return json({ name: "batches/b1", metadata: { state: "BATCH_STATE_PENDING" } });
    if (path === "v1beta/batches/b1:cancel") return json({});
    return json({ error: { code: 404, message: `no route ${path}`, status: "NOT_FOUND" } }, 404);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)],
  );
}

async function run(batch = false) {
  const dir = tempDir("gtk-record-");
  const before = [
    entry("constructed/generate/a.response.json"),
    entry("recorded/live/count-tokens.response.json", {
      resource: "CountTokensResponse",
      method: "models.countTokens",
      obtained: "live:2025-01-01",
    }),
  ];
  writeFileSync(join(dir, "manifest.jsonl"), serializeManifest(before));
  const api = fakeApi();
  const log: string[] = [];
  const written = await recordAll({
    apiKey: KEY,
    fetch: api.fetch,
    fixturesDir: dir,
    now: new Date("2026-03-25T12:34:56Z"),
    model: "gemini-2.5-flash",
    embedModel: "gemini-embedding-001",
    batch,
    log: (line) => log.push(line),
  });
  const manifest = parseManifest(readFileSync(join(dir, "manifest.jsonl"), "utf8"));
  return { dir, api, log, written, manifest, before };
}

describe("recordAll with a fake fetch", () => {
  it("sends the key only in the x-goog-api-key header, never in a URL it builds", async () => {
    const { api } = await run();
    expect(api.calls.length).toBeGreaterThan(0);
    for (const call of api.calls) {
      expect(call.headers["x-goog-api-key"]).toBe(KEY);
      if (!call.url.includes("upload_id=")) expect(call.url).not.toContain(KEY);
    }
  });

  it("writes no copy of the key anywhere: fixture files, manifest or log", async () => {
    const { dir, log } = await run(true);
    for (const f of listFiles(dir)) expect(readFileSync(f, "utf8"), f).not.toContain(KEY);
    expect(log.join("\n")).not.toContain(KEY);
    expect(log.join("\n")).toContain(REDACTED);
    const upload = JSON.parse(readFileSync(join(dir, "recorded/live/media-upload.response.json"), "utf8"));
    expect(upload.file.displayName).toBe(REDACTED);
    const embed = readFileSync(join(dir, "recorded/live/embed-content.response.json"), "utf8");
    expect(embed).toContain(`Invalid API key: ${REDACTED}`);
  });

  it("records every family, dated live:<ISO date>, an error status as an ErrorResponse", async () => {
    const { written } = await run();
    const rows = written.map((e) => `${e.method} ${e.role} ${e.resource} ${e.framing ?? ""}`.trim());
    expect(rows).toEqual([
      "models.generateContent request GenerateContentRequest",
      "models.generateContent response GenerateContentResponse",
      "models.streamGenerateContent request GenerateContentRequest",
      "models.streamGenerateContent stream GenerateContentResponse sse",
      "models.streamGenerateContent request GenerateContentRequest",
      "models.streamGenerateContent stream GenerateContentResponse json-array",
      "models.countTokens request CountTokensRequest",
      "models.countTokens response CountTokensResponse",
      "models.embedContent request EmbedContentRequest",
      "models.embedContent response ErrorResponse",
      "media.upload request CreateFileRequest",
      "media.upload response CreateFileResponse",
      "files.get response File",
      "files.list response ListFilesResponse",
      "files.delete response Empty",
    ]);
    for (const e of written) {
      expect(e.obtained).toBe("live:2026-03-25");
      expect(e.file.startsWith("recorded/live/")).toBe(true);
    }
  });

  it("stores bodies in the canonical byte form and keeps the server's SSE separator", async () => {
    const { dir, written } = await run();
    for (const e of written) {
      const raw = readFileSync(join(dir, e.file), "utf8");
      if (e.framing === "sse") {
        const { events, separator } = parseSse(raw);
        expect(separator).toBe("\r\n\r\n");
        expect(events).toHaveLength(3);
        expect(raw).toBe(formatSse(events, separator));
      } else {
        expect(raw).toBe(formatJson(JSON.parse(raw)));
      }
    }
    const array = JSON.parse(readFileSync(join(dir, "recorded/live/stream-generate-content.json-array.json"), "utf8"));
    expect(array).toHaveLength(2);
  });

  it("updates the manifest: hand-made lines kept, an older live line replaced in place, new lines appended", async () => {
    const { manifest, before, written } = await run();
    expect(manifest[0]).toEqual(before[0]);
    expect(manifest[1]!.file).toBe("recorded/live/count-tokens.response.json");
    expect(manifest[1]!.obtained).toBe("live:2026-03-25");
    expect(manifest).toHaveLength(before.length + written.length - 1);
    expect(new Set(manifest.map((e) => e.file)).size).toBe(manifest.length);
  });

  it("with batch on, records the Operation and cancels the batch without recording the cancel", async () => {
    const { api, written } = await run(true);
    expect(written.filter((e) => e.method === "models.batchGenerateContent").map((e) => e.resource)).toEqual([
      "BatchGenerateContentRequest",
      "Operation",
    ]);
    expect(api.calls.some((c) => c.url.endsWith("batches/b1:cancel"))).toBe(true);
    expect(written.some((e) => e.file.includes("cancel"))).toBe(false);
  });
});

describe("main", () => {
  it("without GEMINI_API_KEY says so, calls nothing and exits 0", async () => {
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    const fetch = vi.spyOn(globalThis, "fetch");
    try {
      expect(await main([], {})).toBe(0);
      expect(await main([], { GEMINI_API_KEY: "" })).toBe(0);
      expect(fetch).not.toHaveBeenCalled();
      expect(out.mock.calls.flat().join("\n")).toMatch(/GEMINI_API_KEY is not set.*no file was changed/);
    } finally {
      out.mockRestore();
      fetch.mockRestore();
    }
  });
});
