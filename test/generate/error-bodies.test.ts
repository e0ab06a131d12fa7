// The API's error envelope, ErrorResponse, through ajv's validators of the schemas (test/support/ajv-oracle.ts): one
// valid body per detail message, bad details rejected at the right instance path, unknown "@type" URLs accepted, and
// every real error body of the corpus (Gemini API and Vertex AI) valid in lenient mode — and in strict mode, which
// reports any drift first.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bodiesOf, CORPUS_DIR, corpusEntries } from "../support/corpus.ts";
import { hasShared } from "../support/shared.ts";
import { ajvOracle, type Mode } from "../support/ajv-oracle.ts";

const oracle = await ajvOracle();
const runValidator = oracle.run;

const RPC = "type.googleapis.com/google.rpc.";

const envelope = (details: unknown[], extra: Record<string, unknown> = {}) => ({
  error: { code: 429, message: "Resource has been exhausted.", status: "RESOURCE_EXHAUSTED", details, ...extra },
});

const summary = (mode: Mode, value: unknown) => {
  const r = runValidator("ErrorResponse", mode, value);
  return {
    valid: r.valid,
    errors: [
      ...new Set(r.errors.filter((e) => e.keyword !== "if").map((e) => `${e.instancePath} ${e.keyword}`)),
    ].sort(),
    drift: r.drift.map((d) => `${d.path} ${d.kind}`),
  };
};

describe("ErrorResponse: one valid body per detail message", () => {
  const details: [string, Record<string, unknown>][] = [
    [
      "ErrorInfo",
      {
        reason: "API_KEY_INVALID",
        domain: "googleapis.com",
        metadata: { service: "generativelanguage.googleapis.com" },
      },
    ],
    ["RetryInfo", { retryDelay: "34.4s" }],
    [
      "QuotaFailure",
      {
        violations: [
          {
            subject: "project:123",
            description: "Requests per minute exceeded.",
            apiService: "generativelanguage.googleapis.com",
            quotaMetric: "generativelanguage.googleapis.com/generate_content_requests",
            quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
            quotaDimensions: { model: "gemini-2.5-flash", location: "global" },
            quotaValue: "15",
            futureQuotaValue: "30",
          },
        ],
      },
    ],
    [
      "BadRequest",
      {
        fieldViolations: [
          {
            field: "contents[0].parts[0].inlineData.data",
            description: "Not valid base64.",
            reason: "INVALID_BASE64",
            localizedMessage: { locale: "en-US", message: "The image data is not valid." },
          },
        ],
      },
    ],
    ["Help", { links: [{ description: "Request a higher quota limit.", url: "https://cloud.google.com/docs/quota" }] }],
    ["LocalizedMessage", { locale: "en-US", message: "API key not valid. Please pass a valid API key." }],
    ["DebugInfo", { stackEntries: ["frame 1", "frame 2"], detail: "[ORIGINAL ERROR] generic::not_found" }],
  ];
  it.each(details)("%s", (name, fields) => {
    const body = envelope([{ "@type": `${RPC}${name}`, ...fields }]);
    for (const mode of ["strict", "lenient"] as const)
      expect(summary(mode, body)).toEqual({ valid: true, errors: [], drift: [] });
  });

  it("all of them together, and a body without details", () => {
    const body = envelope(details.map(([name, fields]) => ({ "@type": `${RPC}${name}`, ...fields })));
    expect(summary("strict", body).valid).toBe(true);
    expect(summary("strict", { error: { code: 404, message: "Not found.", status: "NOT_FOUND" } }).valid).toBe(true);
  });
});

interface Row {
  body: unknown;
  strict: { errors: string[] };
  lenient: { errors: string[]; drift?: string[] };
}

const rows: [string, Row][] = [
  [
    "RetryInfo.retryDelay that is not a Duration",
    {
      body: envelope([{ "@type": `${RPC}RetryInfo`, retryDelay: "5 seconds" }]),
      strict: { errors: ["/error/details/0/retryDelay pattern"] },
      lenient: { errors: ["/error/details/0/retryDelay pattern"] },
    },
  ],
  [
    "QuotaFailure.violations[].quotaValue as a JSON number (int64 travels as a string)",
    {
      body: envelope([
        { "@type": `${RPC}RetryInfo`, retryDelay: "1s" },
        { "@type": `${RPC}QuotaFailure`, violations: [{ quotaValue: 15 }] },
      ]),
      strict: { errors: ["/error/details/1/violations/0/quotaValue type"] },
      lenient: { errors: ["/error/details/1/violations/0/quotaValue type"] },
    },
  ],
  [
    "ErrorInfo.metadata with a non-string value",
    {
      body: envelope([{ "@type": `${RPC}ErrorInfo`, metadata: { limit: 0 } }]),
      strict: { errors: ["/error/details/0/metadata/limit type"] },
      lenient: { errors: ["/error/details/0/metadata/limit type"] },
    },
  ],
  [
    "BadRequest with a nested LocalizedMessage of the wrong shape",
    {
      body: envelope([{ "@type": `${RPC}BadRequest`, fieldViolations: [{ field: "x", localizedMessage: "text" }] }]),
      strict: { errors: ["/error/details/0/fieldViolations/0/localizedMessage type"] },
      lenient: { errors: ["/error/details/0/fieldViolations/0/localizedMessage type"] },
    },
  ],
  [
    "an unknown @type, with fields of its own",
    {
      body: envelope([
        { "@type": `${RPC}PreconditionFailure`, violations: [{ type: "TOS", subject: "google.com/cloud" }] },
      ]),
      strict: { errors: [] },
      lenient: { errors: [], drift: [] },
    },
  ],
  [
    "a detail without @type",
    {
      body: envelope([{ retryDelay: "1s" }]),
      strict: { errors: ["/error/details/0 required"] },
      lenient: { errors: ["/error/details/0 required"] },
    },
  ],
  [
    "a known detail with a field the spec does not know",
    {
      body: envelope([{ "@type": `${RPC}RetryInfo`, retryDelay: "1s", jitter: "0.5s" }]),
      strict: { errors: ["/error/details/0 additionalProperties"] },
      lenient: { errors: [], drift: ["/error/details/0/jitter unknown-field"] },
    },
  ],
  [
    "a status name newer than the spec",
    {
      body: { error: { code: 400, status: "SOMETHING_NEW" } },
      strict: { errors: ["/error/status enum"] },
      lenient: { errors: [], drift: ["/error/status unknown-enum-value"] },
    },
  ],
  [
    "no error object",
    {
      body: { code: 400 },
      strict: { errors: [" additionalProperties", " required"] },
      lenient: { errors: [" required"] },
    },
  ],
  [
    "code as a string",
    {
      body: { error: { code: "400" } },
      strict: { errors: ["/error/code type"] },
      lenient: { errors: ["/error/code type"] },
    },
  ],
];

describe("ErrorResponse: rows", () => {
  it.each(rows)("%s", (_name, { body, strict, lenient }) => {
    expect(summary("strict", body)).toEqual({ valid: strict.errors.length === 0, errors: strict.errors, drift: [] });
    expect(summary("lenient", body)).toEqual({
      valid: lenient.errors.length === 0,
      errors: lenient.errors,
      drift: lenient.drift ?? [],
    });
  });

  it("Status (Operation.error) types its details the same way", () => {
    const bad = runValidator("Operation", "lenient", {
      name: "operations/x",
      done: true,
      error: { code: 8, details: [{ "@type": `${RPC}RetryInfo`, retryDelay: "soon" }] },
    });
    expect(bad.errors.filter((e) => e.keyword !== "if").map((e) => e.instancePath)).toEqual([
      "/error/details/0/retryDelay",
    ]);
    expect(
      runValidator("Operation", "strict", {
        name: "operations/x",
        done: true,
        error: { code: 8, details: [{ "@type": `${RPC}RetryInfo`, retryDelay: "2s" }] },
      }).valid,
    ).toBe(true);
  });
});

/** Every top-level error body of the corpus: plain files, SSE events, and a raw JSON block ending an SSE stream. */
function realErrorBodies(): { file: string; value: unknown }[] {
  const out: { file: string; value: unknown }[] = [];
  for (const entry of corpusEntries()) {
    if (entry.role === "request" || !/\.(json|sse|jsonl)$/.test(entry.file)) continue;
    const text = readFileSync(join(CORPUS_DIR, entry.file), "utf8");
    const values = bodiesOf(text, entry.file);
    // A stream that fails midway may end with the error body written as plain JSON, outside any `data:` event.
    if (entry.file.endsWith(".sse"))
      for (const block of text.split(/\r?\n\r?\n/))
        if (block.trim().startsWith("{")) values.push(JSON.parse(block) as unknown);
    for (const value of values)
      if (value !== null && typeof value === "object" && !Array.isArray(value) && "error" in value)
        out.push({ file: entry.file, value });
  }
  return out;
}

describe.skipIf(!hasShared)("real error bodies", () => {
  const bodies = hasShared ? realErrorBodies() : [];
  const gemini = bodies.filter((b) => !b.file.startsWith("vertex/"));
  const vertex = bodies.filter((b) => b.file.startsWith("vertex/"));

  it("are all found: 15 from the Gemini API, 18 from Vertex AI", () => {
    expect([gemini.length, vertex.length]).toEqual([15, 18]);
    const types = new Set(
      bodies.flatMap((b) =>
        ((b.value as { error: { details?: { "@type": string }[] } }).error.details ?? []).map((d) => d["@type"]),
      ),
    );
    expect([...types].sort()).toEqual(
      ["DebugInfo", "ErrorInfo", "Help", "LocalizedMessage", "QuotaFailure", "RetryInfo"].map((n) => `${RPC}${n}`),
    );
  });

  it.each(["lenient", "strict"] as const)("all validate in %s mode, with no drift", (mode) => {
    const failures = bodies.flatMap(({ file, value }) => {
      const r = runValidator("ErrorResponse", mode, value);
      return r.valid && r.drift.length === 0
        ? []
        : [{ file, errors: r.errors.map((e) => `${e.instancePath} ${e.message}`), drift: r.drift }];
    });
    expect(failures).toEqual([]);
  });
});
