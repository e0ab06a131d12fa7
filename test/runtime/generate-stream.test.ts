import { describe, expect, it } from "vitest";
import {
  aggregateGenerateContentStream,
  parseGenerateContentStream,
  StreamError,
} from "../../packages/runtime/src/index.ts";

const chunk = (parts: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    candidates: [{ index: 0, content: { role: "model", parts }, ...(extra.candidate as object) }],
    responseId: "r1",
    modelVersion: "gemini-x",
    ...(extra.response as object),
  });

const sse = (...chunks: string[]) => chunks.map((c) => `data: ${c}\r\n\r\n`).join("");

describe("streamGenerateContent end to end", () => {
  it("validates each chunk (integer enums decoded) and aggregates them", async () => {
    const body = sse(
      chunk([{ text: "Hel" }]),
      chunk([{ text: "lo" }], { candidate: { brandNew: true } }),
      chunk([{ text: "!" }], {
        candidate: { finishReason: 1 },
        response: { usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, totalTokenCount: 5 } },
      }),
    );
    const result = await aggregateGenerateContentStream(body);
    expect(result.chunks).toBe(3);
    expect(result.issues).toEqual([]);
    expect(result.response.candidates?.[0]).toMatchObject({
      content: { parts: [{ text: "Hello!" }] },
      finishReason: "STOP",
    });
    expect(result.response.usageMetadata?.totalTokenCount).toBe(5);
    expect(result.drift).toEqual([
      expect.objectContaining({ chunk: 1, path: "/candidates/0/brandNew", kind: "unknown-field" }),
    ]);
  });

  it("strict mode rejects the chunk with drift, after delivering the ones before it", async () => {
    const body = `[${chunk([{ text: "a" }])},\n${chunk([{ text: "b" }], { candidate: { finishReason: "NEW_REASON" } })}]`;
    const seen: number[] = [];
    let error: unknown;
    try {
      for await (const c of parseGenerateContentStream(body, { mode: "strict" })) seen.push(c.index);
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([0]);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).chunk).toBe(1);
    expect((error as StreamError).offset).toBe(chunk([{ text: "a" }]).length + 3);
    expect((error as StreamError).issues).toEqual([
      expect.objectContaining({ code: "unknown-enum-value", pointer: "/candidates/0/finishReason", chunk: 1 }),
    ]);
  });

  it("reports a responseId that changes mid-stream", async () => {
    const result = await aggregateGenerateContentStream(
      sse(chunk([{ text: "a" }]), chunk([{ text: "b" }], { response: { responseId: "other" } })),
    );
    expect(result.issues).toEqual([expect.objectContaining({ code: "stream-consistency", chunk: 1 })]);
  });
});

describe("a body with no chunk carried no response", () => {
  it.each([
    ["an empty body", ""],
    ["white space", " \n\n"],
    ["SSE with only a comment", ": keep-alive\n\n"],
    ["an empty JSON array", "[]"],
  ])("%s: parse and aggregate end with a StreamError", async (_name, body) => {
    const parse = async () => {
      for await (const _chunk of parseGenerateContentStream(body)) void _chunk;
    };
    for (const attempt of [parse, () => aggregateGenerateContentStream(body)]) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StreamError);
      expect((error as StreamError).issues).toEqual([
        expect.objectContaining({ code: "stream-framing", chunk: 0, offset: 0 }),
      ]);
    }
  });
});
