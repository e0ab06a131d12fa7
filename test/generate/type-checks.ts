// Type-level tests of packages/runtime/generated/types.ts, checked by `tsc -p tsconfig.json` (and by types-level.test.ts): every
// `@ts-expect-error` line must be an error, every other line must compile.
import {
  ErrorDetail,
  FinishReason,
  HarmBlockThreshold,
  isKnown,
  METHODS,
  RpcCode,
} from "../../packages/runtime/generated/types.ts";
import type {
  BadRequestFieldViolation,
  Candidate,
  Content,
  DebugInfo,
  ErrorInfo,
  ErrorResponse,
  Help,
  LocalizedMessage,
  QuotaFailure,
  QuotaFailureViolation,
  RetryInfo,
  UnknownErrorDetail,
  FunctionCall,
  GenerateContentRequest,
  GenerateContentResponse,
  MethodId,
  Methods,
  Part,
  SafetySetting,
} from "../../packages/runtime/generated/types.ts";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_proof?: T): void => undefined;

// ---------------------------------------------------------------- oneofs: at most one member of Part.data
export const textPart: Part = { text: "hello" };
export const nonePart: Part = {};
export const thoughtAndText: Part = { text: "thinking…", thought: true };
export const dataAndMetadata: Part = { fileData: { fileUri: "files/abc" }, videoMetadata: { fps: 1 } };
// @ts-expect-error text and inlineData are members of the same oneof
export const twoPayloads: Part = { text: "hello", inlineData: { mimeType: "image/png", data: "AAAA" } };
// @ts-expect-error functionCall and functionResponse are members of the same oneof
export const callAndResponse: Part = { functionCall: { name: "f" }, functionResponse: { name: "f", response: {} } };
export function readText(part: Part<"response">): string | undefined {
  return part.text; // every member stays readable (and optional) on the union
}

// ---------------------------------------------------------------- request-side enums are closed
export const safety: SafetySetting = {
  category: "HARM_CATEGORY_HARASSMENT",
  threshold: HarmBlockThreshold.BLOCK_ONLY_HIGH,
};
// @ts-expect-error a value HarmBlockThreshold does not have
export const typo: SafetySetting = { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_SOMETIMES" };
// @ts-expect-error closed in request content too: Part defaults to the request side
export const badLanguage: Part = { executableCode: { language: "COBOL", code: "" } };
export const request: GenerateContentRequest = {
  contents: [{ role: "user", parts: [{ text: "hi" }] }],
  // @ts-expect-error request enums are closed however deep they sit
  safetySettings: [{ category: "HARM_CATEGORY_NEW", threshold: "OFF" }],
};

// ---------------------------------------------------------------- response-side enums are open
export const future: Candidate = { finishReason: "SOMETHING_NEW" };
export const known: Candidate = { finishReason: FinishReason.STOP };
export function narrows(candidate: Candidate): "stop" | "other" | "unknown" {
  const reason = candidate.finishReason;
  // Comparing with a known value type-checks (and autocompletes); TypeScript keeps `string & {}` in the narrowed type.
  if (reason === "STOP") assertType<Equal<typeof reason, "STOP" | (string & {})>>();
  if (!isKnown(FinishReason, reason)) return "unknown";
  assertType<Equal<typeof reason, FinishReason>>(); // the guard narrows to the known values…
  if (reason === "STOP") assertType<Equal<typeof reason, "STOP">>(); // …after which a known value narrows fully
  switch (reason) {
    case "STOP":
      return "stop";
    default:
      return "other";
  }
}
export const newLanguage: Part<"response"> = { executableCode: { language: "COBOL", code: "" } };
export const responseContent: Content<"response"> = { parts: [{ executableCode: { language: "COBOL", code: "" } }] };
// @ts-expect-error an open enum still is a string, not anything
export const notAString: Candidate = { finishReason: 42 };

// ---------------------------------------------------------------- required fields
export const call: FunctionCall = { name: "get_weather", args: { city: "Paris" } };
// @ts-expect-error FunctionCall.name is required
export const nameless: FunctionCall = { args: {} };

// ---------------------------------------------------------------- the methods table
assertType<Equal<Methods["models.generateContent"]["request"], GenerateContentRequest<"request">>>();
assertType<Equal<Methods["models.generateContent"]["response"], GenerateContentResponse>>();
assertType<Equal<Methods["models.streamGenerateContent"]["response"], GenerateContentResponse>>();
assertType<Equal<Methods["files.get"]["request"], undefined>>();
assertType<Equal<Methods["models.generateContent"]["params"], { model: string }>>();
export const listParams: Methods["files.list"]["params"] = { pageSize: 10 };
// @ts-expect-error the path parameter is required
export const noModel: Methods["models.generateContent"]["params"] = {};
// @ts-expect-error no such method
export type Missing = Methods["models.nope"];
export const post: "POST" = METHODS["models.generateContent"].httpMethod;
export const streamed: "server" = METHODS["models.streamGenerateContent"].streaming;
export const everyId: MethodId[] = Object.keys(METHODS) as (keyof typeof METHODS)[];

/** How a generic client would type a call: body and response follow the id. */
export declare function callMethod<M extends MethodId>(
  id: M,
  params: Methods[M]["params"],
  body: Methods[M]["request"],
): Promise<Methods[M]["response"]>;
export async function useClient(): Promise<number | undefined> {
  const response = await callMethod(
    "models.generateContent",
    { model: "models/gemini-2.5-flash" },
    {
      model: "models/gemini-2.5-flash",
      contents: [{ parts: [{ text: "hi" }] }],
    },
  );
  assertType<Equal<typeof response, GenerateContentResponse>>();
  await callMethod("files.get", { name: "files/abc" }, undefined);
  // @ts-expect-error files.get takes no body
  await callMethod("files.get", { name: "files/abc" }, { contents: [] });
  return response.candidates?.length;
}

// ---------------------------------------------------------------- error bodies: details discriminated by "@type"
export const quotaError: ErrorResponse = {
  error: {
    code: 429,
    message: "Resource has been exhausted.",
    status: RpcCode.RESOURCE_EXHAUSTED,
    details: [
      { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "34.4s" },
      { "@type": ErrorDetail.QuotaFailure, violations: [{ quotaId: "PerMinute", quotaValue: "15" }] },
      { "@type": "type.googleapis.com/google.rpc.ResourceInfo", resourceName: "models/x", owner: "google" },
    ],
  },
};
export const futureStatus: ErrorResponse = { error: { status: "SOMETHING_NEW" } }; // response side: open enum
// @ts-expect-error a known detail is checked against its message: retryDelay is a Duration string
export const badDelay: ErrorResponse = { error: { details: [{ "@type": ErrorDetail.RetryInfo, retryDelay: 5 }] } };
// @ts-expect-error every detail names its type
export const untyped: ErrorResponse = { error: { details: [{ retryDelay: "5s" }] } };

/** Narrowing "@type" to a known URL reads that message's fields with their own types. */
export function describeDetail(detail: ErrorDetail): string {
  if (detail["@type"] === "type.googleapis.com/google.rpc.RetryInfo") {
    assertType<Equal<typeof detail.retryDelay, string | undefined>>();
    const info: RetryInfo = detail; // assignable to the message it names…
    // @ts-expect-error …and to no other
    const quota: QuotaFailure = detail;
    // @ts-expect-error RetryInfo has no violations
    void detail.violations;
    return `${info.retryDelay ?? ""}${String(quota)}`;
  }
  switch (detail["@type"]) {
    case ErrorDetail.ErrorInfo: {
      assertType<Equal<typeof detail.metadata, Record<string, string> | undefined>>();
      const info: ErrorInfo = detail;
      return `${info.domain ?? ""}/${detail.reason ?? ""}`;
    }
    case ErrorDetail.QuotaFailure:
      assertType<Equal<typeof detail.violations, QuotaFailureViolation[] | undefined>>();
      return String(detail.violations?.[0]?.quotaValue);
    case ErrorDetail.BadRequest: {
      assertType<Equal<typeof detail.fieldViolations, BadRequestFieldViolation[] | undefined>>();
      return detail.fieldViolations?.[0]?.localizedMessage?.message ?? "";
    }
    case ErrorDetail.Help: {
      const help: Help = detail;
      return help.links?.[0]?.url ?? "";
    }
    case ErrorDetail.LocalizedMessage: {
      const text: LocalizedMessage = detail;
      return text.message ?? "";
    }
    case ErrorDetail.DebugInfo: {
      const debug: DebugInfo = detail;
      assertType<Equal<typeof detail.stackEntries, string[] | undefined>>();
      return debug.detail ?? "";
    }
    default:
      // Any other URL: only "@type" is typed; reading further fields takes a cast.
      assertType<Equal<(typeof detail)["@type"], string>>();
      return String((detail as UnknownErrorDetail)["subject" as string]);
  }
}
