import { describe, expect, it } from "vitest";
import { validateApiResponse } from "../../packages/runtime/src/api-response.ts";

const errorBody = {
  error: {
    code: 429,
    message: "Quota exceeded.",
    status: "RESOURCE_EXHAUSTED",
    details: [
      { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "17s" },
      {
        "@type": "type.googleapis.com/google.rpc.QuotaFailure",
        violations: [{ quotaMetric: "generate_content_free_tier_requests", quotaValue: "15" }],
      },
    ],
  },
};

const rows: [
  string,
  { given: [string, unknown, { httpStatus?: number; mode?: "strict" | "lenient" }?]; want: Record<string, unknown> },
][] = [
  [
    "a success body",
    {
      given: ["GenerateContentResponse", { candidates: [{ finishReason: "STOP" }] }],
      want: { ok: true, kind: "success" },
    },
  ],
  [
    "an error body, told by its shape",
    { given: ["GenerateContentResponse", errorBody], want: { ok: true, kind: "error", error: errorBody } },
  ],
  [
    "an error body, told by the HTTP status",
    { given: ["CountTokensResponse", errorBody, { httpStatus: 429 }], want: { ok: true, kind: "error" } },
  ],
  [
    "an invalid error body is located",
    {
      given: [
        "GenerateContentResponse",
        {
          error: {
            code: "429",
            details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "17 seconds" }],
          },
        },
      ],
      want: {
        ok: false,
        kind: "error",
        issues: [
          expect.objectContaining({ pointer: "/error/code", code: "invalid-type" }),
          expect.objectContaining({ pointer: "/error/details/0/retryDelay", code: "invalid-format" }),
        ],
      },
    },
  ],
  [
    "an invalid success body",
    {
      given: ["GenerateContentResponse", { candidates: 5 }],
      want: { ok: false, kind: "success", issues: [expect.objectContaining({ pointer: "/candidates" })] },
    },
  ],
  [
    "Operation's own error field is not mistaken for an error body",
    {
      given: ["Operation", { name: "batches/1", done: true, error: { code: 3, message: "bad" } }],
      want: { ok: true, kind: "success" },
    },
  ],
  [
    "a 4xx status with a success-shaped body is checked as an error body",
    { given: ["GenerateContentResponse", { candidates: [] }, { httpStatus: 400 }], want: { ok: false, kind: "error" } },
  ],
];

describe("validateApiResponse", () => {
  it.each(rows)("%s", (_name, { given, want }) => {
    const [resource, body, options] = given;
    expect(validateApiResponse(resource as "GenerateContentResponse", body, options)).toMatchObject(want);
  });
});
