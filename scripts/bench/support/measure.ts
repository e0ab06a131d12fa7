// Timing helpers shared by the benchmarks: medians of interleaved rounds, each pass started on an emptied young
// generation so one contender's garbage is not collected on another's clock.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (options?: { type?: "major" | "minor"; execution?: "sync" }) => void;
/** A full collection: what is still reachable afterwards is what the program retains. */
export const fullGc = (): void => gc({ type: "major", execution: "sync" });
/** A scavenge: cheap, and enough to start a pass without the previous pass's short-lived garbage. */
const collect = () => gc({ type: "minor", execution: "sync" });

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const envNumber = (name: string, fallback: number): number => {
  const raw = process.env[name];
  return raw !== undefined && Number.isFinite(Number(raw)) ? Number(raw) : fallback;
};

/** Anything a measured pass returns goes here, so the work cannot be optimized away. */
export let sink = 0;
export function consume(x: unknown): void {
  sink = (sink + (typeof x === "number" ? x : x ? 1 : 0)) | 0;
}

/**
 * Runs every pass `warmup` times, then `rounds` rounds in which each pass runs once (in an order that rotates from
 * round to round) after a minor GC. Returns each pass's median wall time in ms.
 */
export function measure<K extends string>(
  passes: Record<K, () => void>,
  rounds: number,
  warmup: number,
): Record<K, number> {
  const names = Object.keys(passes) as K[];
  for (let i = 0; i < warmup; i++) for (const n of names) passes[n]();
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as unknown as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < names.length; j++) {
      const n = names[(r + j) % names.length]!;
      collect();
      const t0 = performance.now();
      passes[n]();
      samples[n].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])])) as Record<K, number>;
}

export const verdict = (met: boolean): string => (met ? "MET" : "MISSED");
export const ms = (x: number): string => `${x.toFixed(x < 1 ? 3 : 2)} ms`;
export const ratio = (x: number): string => `${x.toFixed(3)}×`;
