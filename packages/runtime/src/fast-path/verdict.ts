// The protocol between the generated fast-path checkers (packages/runtime/generated/validators/fast.js) and the
// validation library: what a checker answers, and where the drift of a valid value goes. The generator emits no verdict
// of its own: a checker's answer is made by `verdict` (./tracking.ts) from these constants, so there is one definition.
import type { Drift } from "../result.ts";

/** What a fast-path checker answers about a value. */
export const Verdict = {
  /** Invalid in both modes (the reference checker builds the issues). */
  Invalid: 0,
  /** Valid in both modes: no unknown field or enum value anywhere. */
  Valid: 1,
  /** Lenient-valid with drift (unknown fields or enum values): strict-invalid. */
  ValidWithDrift: 2,
  /** A key or enum value spelled otherwise than the spec spells it (a proto name, another case): normalize first. */
  SpelledOtherwise: 3,
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/**
 * Where a checker puts the drift of a ValidWithDrift answer (the library's Drift, its `spec` always set), in the order
 * the reference checker finds it.
 */
export interface DriftSink {
  drift: Drift[];
}

/**
 * A fast-path checker, one per resource, serving both modes. Given a sink, it sets `sink.drift` when it answers
 * ValidWithDrift; nothing it keeps between calls is reachable, so validations never see each other's drift.
 */
export type FastCheck = (value: unknown, sink?: DriftSink) => Verdict;
