// Aggregation: the chunks of one streamed generateContent call folded into the single response a unary call would
// have returned. It works chunk by chunk and keeps only the aggregate, so it can run alongside parseStream.
//
// Rules, per candidate (matched by `index`, or by position when a chunk omits it):
// - parts: consecutive text parts are concatenated; thoughts (`thought: true`) and answer text form separate runs,
//   so an answer after a thought starts a new part. A run keeps the `thoughtSignature` of its parts (often sent
//   on a last, empty text part); a second, different signature starts a new part rather than losing one. Text
//   parts with any other field, function calls and all other parts are kept as they are, in order.
// - citationMetadata.citationSources: the union, in order of first appearance (the API repeats earlier sources in
//   later chunks, with offsets into the whole text, so identical sources are kept once).
// - logprobsResult: chosenCandidates and topCandidates concatenated, logProbabilitySum summed (each chunk scores
//   its own tokens).
// - everything else (finishReason, finishMessage, safetyRatings, groundingMetadata, urlContextMetadata,
//   avgLogprobs, tokenCount, fields newer than the spec): the last value sent wins. Grounding metadata is not
//   merged: it arrives whole in the last chunk, and its supports index into its own groundingChunks.
// Per response: usageMetadata, promptFeedback, modelStatus and unknown fields: the last value wins. responseId
// and modelVersion must be the same in every chunk that has them; a difference is a `stream-consistency` issue.
import type {
  CitationSource,
  GenerateContentResponse,
  LogprobsResultCandidate,
  TopCandidates,
} from "../../generated/types.ts";
import type { Issue } from "../result.ts";

export interface Aggregate {
  response: GenerateContentResponse;
  issues: Issue[];
}

/** Where a chunk was in the stream; a StreamChunk fits, so `aggregator.add(chunk.value, chunk)` locates issues. */
export interface ChunkPlace {
  index?: number;
  offset?: number;
}

type Json = Record<string, unknown>;

/** Fields that must not change within one stream. */
const CONSTANT_FIELDS = ["responseId", "modelVersion"] as const;

/** Folds chunks in as they arrive; `result()` may be called at any time and returns a snapshot. */
export class Aggregator {
  /** Response fields in first-seen order; `candidates` is a placeholder until result(). */
  private readonly fields: Json = {};
  private readonly candidates = new Map<number, CandidateAggregate>();
  private readonly constants = new Map<string, { value: unknown; chunk: number }>();
  private readonly issues: Issue[] = [];
  private count = 0;

  add(chunk: GenerateContentResponse, place: ChunkPlace = {}): this {
    const at = { chunk: place.index ?? this.count, offset: place.offset };
    this.count++;
    if (!isObject(chunk)) {
      this.issue(
        at,
        "",
        "invalid-type",
        "a stream chunk must be a GenerateContentResponse object",
        "object",
        describe(chunk),
      );
      return this;
    }
    for (const [key, value] of Object.entries(chunk)) {
      if (value === undefined) continue;
      if (key === "candidates") this.addCandidates(value, at);
      else if ((CONSTANT_FIELDS as readonly string[]).includes(key)) this.checkConstant(key, value, at);
      else this.fields[key] = value;
    }
    return this;
  }

  result(): Aggregate {
    const response: Json = {};
    for (const [key, value] of Object.entries(this.fields)) {
      response[key] = key === "candidates" ? [...this.candidates.values()].map((c) => c.result()) : value;
    }
    return { response: response as GenerateContentResponse, issues: [...this.issues] };
  }

  private addCandidates(value: unknown, at: Place): void {
    if (!Array.isArray(value)) {
      this.issue(at, "/candidates", "invalid-type", "candidates must be an array", "array", describe(value));
      return;
    }
    this.fields.candidates ??= true;
    value.forEach((candidate: unknown, position) => {
      if (!isObject(candidate)) {
        this.issue(
          at,
          `/candidates/${position}`,
          "invalid-type",
          "a candidate must be an object",
          "object",
          describe(candidate),
        );
        return;
      }
      const index = typeof candidate.index === "number" ? candidate.index : position;
      let aggregate = this.candidates.get(index);
      if (!aggregate) this.candidates.set(index, (aggregate = new CandidateAggregate()));
      aggregate.add(candidate, (pointer, message, received) =>
        this.issue(at, `/candidates/${position}${pointer}`, "invalid-type", message, "array", received),
      );
    });
  }

  private checkConstant(key: string, value: unknown, at: Place): void {
    const first = this.constants.get(key);
    if (!first) {
      this.constants.set(key, { value, chunk: at.chunk });
      this.fields[key] = value;
      return;
    }
    if (first.value === value) return;
    this.issue(
      at,
      `/${key}`,
      "stream-consistency",
      `${key} ${JSON.stringify(value)} differs from ${JSON.stringify(first.value)} of chunk ${first.chunk}: the chunks are not from one response`,
      JSON.stringify(first.value),
      JSON.stringify(value),
      `GenerateContentResponse.${key}`,
    );
  }

  private issue(
    at: Place,
    pointer: string,
    code: Issue["code"],
    message: string,
    expected?: string,
    received?: string,
    spec?: string,
  ): void {
    const issue: Issue = { pointer, code, message, chunk: at.chunk };
    if (expected !== undefined) issue.expected = expected;
    if (received !== undefined) issue.received = received;
    if (spec !== undefined) issue.spec = spec;
    if (at.offset !== undefined) issue.offset = at.offset;
    this.issues.push(issue);
  }
}

type Place = { chunk: number; offset: number | undefined };

/** Reports a field that should be an array and is not, at a pointer inside the candidate. */
type TypeIssue = (pointer: string, message: string, received: string) => void;

/** A text part this aggregator owns and extends. */
interface TextRun {
  text: string;
  thought?: true;
  thoughtSignature?: string;
}

const TEXT_PART_KEYS = new Set(["text", "thought", "thoughtSignature"]);

class CandidateAggregate {
  /** Candidate fields in first-seen order; content, citationMetadata and logprobsResult are rebuilt by result(). */
  private readonly fields: Json = {};
  private readonly content: Json = {};
  private readonly parts: unknown[] = [];
  /** The text part the next text part may extend: the last part, when it is a run of ours. */
  private run: TextRun | undefined;
  private readonly citationMetadata: Json = {};
  private readonly citations: CitationSource[] = [];
  private readonly citationKeys = new Set<string>();
  private readonly logprobs: Json = {};
  private readonly chosen: LogprobsResultCandidate[] = [];
  private readonly top: TopCandidates[] = [];
  private logSum: number | undefined;

  add(candidate: Json, typeIssue: TypeIssue): void {
    for (const [key, value] of Object.entries(candidate)) {
      if (value === undefined) continue;
      if (key !== "content" && key !== "citationMetadata" && key !== "logprobsResult") {
        this.fields[key] = value;
        continue;
      }
      // Merged fields; a null (or any non-object) there carries nothing to merge and must not erase what was.
      if (!isObject(value)) continue;
      this.fields[key] ??= true; // first-seen position; the value is built by result()
      if (key === "content") this.addContent(value, typeIssue);
      else if (key === "citationMetadata") this.addCitations(value, typeIssue);
      else this.addLogprobs(value);
    }
  }

  result(): Json {
    const out: Json = {};
    for (const [key, value] of Object.entries(this.fields)) {
      if (key === "content")
        out.content = { ...this.content, ...("parts" in this.content ? { parts: this.parts.map(copyRun) } : {}) };
      else if (key === "citationMetadata")
        out.citationMetadata = {
          ...this.citationMetadata,
          ...("citationSources" in this.citationMetadata ? { citationSources: [...this.citations] } : {}),
        };
      else if (key === "logprobsResult") out.logprobsResult = this.logprobsResult();
      else out[key] = value;
    }
    return out;
  }

  private addContent(content: Json, typeIssue: TypeIssue): void {
    for (const [key, value] of Object.entries(content)) {
      if (value === undefined) continue;
      if (key !== "parts") {
        this.content[key] = value;
        continue;
      }
      this.content.parts ??= true;
      if (!Array.isArray(value)) {
        typeIssue("/content/parts", "parts must be an array", describe(value));
        continue;
      }
      for (const part of value) this.addPart(part);
    }
  }

  private addPart(part: unknown): void {
    if (!isObject(part) || typeof part.text !== "string" || !Object.keys(part).every((k) => TEXT_PART_KEYS.has(k))) {
      this.parts.push(part);
      this.run = undefined;
      return;
    }
    const thought = part.thought === true;
    const signature = typeof part.thoughtSignature === "string" ? part.thoughtSignature : undefined;
    const run = this.run;
    if (
      run &&
      (run.thought === true) === thought &&
      (signature === undefined || run.thoughtSignature === undefined || run.thoughtSignature === signature)
    ) {
      run.text += part.text;
      if (signature !== undefined) run.thoughtSignature = signature;
      return;
    }
    const fresh: TextRun = { text: part.text };
    if (thought) fresh.thought = true;
    if (signature !== undefined) fresh.thoughtSignature = signature;
    this.parts.push(fresh);
    this.run = fresh;
  }

  private addCitations(metadata: Json, typeIssue: TypeIssue): void {
    for (const [key, value] of Object.entries(metadata)) {
      if (value === undefined) continue;
      if (key !== "citationSources") {
        this.citationMetadata[key] = value;
        continue;
      }
      this.citationMetadata.citationSources ??= true;
      if (!Array.isArray(value)) {
        typeIssue("/citationMetadata/citationSources", "citationSources must be an array", describe(value));
        continue;
      }
      for (const source of value as CitationSource[]) {
        const key = JSON.stringify(source);
        if (this.citationKeys.has(key)) continue;
        this.citationKeys.add(key);
        this.citations.push(source);
      }
    }
  }

  private addLogprobs(result: Json): void {
    for (const [key, value] of Object.entries(result)) {
      if (value === undefined) continue;
      this.logprobs[key] ??= value; // keeps the field's first-seen position
      if (key === "chosenCandidates" && Array.isArray(value))
        for (const c of value as LogprobsResultCandidate[]) this.chosen.push(c);
      else if (key === "topCandidates" && Array.isArray(value))
        for (const c of value as TopCandidates[]) this.top.push(c);
      else if (key === "logProbabilitySum" && typeof value === "number") this.logSum = (this.logSum ?? 0) + value;
      else this.logprobs[key] = value;
    }
  }

  private logprobsResult(): Json {
    const out: Json = {};
    for (const [key, value] of Object.entries(this.logprobs)) {
      if (key === "chosenCandidates") out[key] = [...this.chosen];
      else if (key === "topCandidates") out[key] = [...this.top];
      else if (key === "logProbabilitySum") out[key] = this.logSum ?? value;
      else out[key] = value;
    }
    return out;
  }
}

/** Text runs are copied so a snapshot does not change when later chunks extend them; other parts are the chunks' own. */
function copyRun(part: unknown): unknown {
  return isObject(part) && "text" in part ? { ...part } : part;
}

/** Folds a whole stream (an array, a generator, or the values of parseStream) into one response. */
export function aggregateResponses(chunks: Iterable<GenerateContentResponse>): Aggregate;
export function aggregateResponses(chunks: AsyncIterable<GenerateContentResponse>): Promise<Aggregate>;
export function aggregateResponses(
  chunks: Iterable<GenerateContentResponse> | AsyncIterable<GenerateContentResponse>,
): Aggregate | Promise<Aggregate>;
export function aggregateResponses(
  chunks: Iterable<GenerateContentResponse> | AsyncIterable<GenerateContentResponse>,
): Aggregate | Promise<Aggregate> {
  const aggregator = new Aggregator();
  if (Symbol.asyncIterator in chunks) {
    return (async () => {
      for await (const chunk of chunks) aggregator.add(chunk);
      return aggregator.result();
    })();
  }
  for (const chunk of chunks) aggregator.add(chunk);
  return aggregator.result();
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}
