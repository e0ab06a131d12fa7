// The Live API sessions of ../shared/fixtures/real/live, read in place: each file's messages in order, with what
// manifest.jsonl says of it (provenance, api). Tests that need them skip, saying why, when ../shared is absent.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED_DIR } from "../support/shared.ts";

export const LIVE_DIR = join(SHARED_DIR, "fixtures", "real", "live");
export const hasLiveCorpus = existsSync(join(LIVE_DIR, "manifest.jsonl"));
export const LIVE_SKIP = `${LIVE_DIR} is absent: the Live corpus tests are skipped`;

export type Direction = "client" | "server";
export type Provenance = "recorded" | "notebook output" | "SDK-curated mock" | "hand-written test mock";

export interface LiveRecord {
  direction: Direction;
  message: unknown;
}

export interface LiveCorpusSession {
  file: string;
  provenance: Provenance;
  api: "gemini" | "vertex";
  /** Message count the manifest states, checked against the file. */
  messages: number;
  records: LiveRecord[];
}

export function liveSessions(): LiveCorpusSession[] {
  if (!hasLiveCorpus) return [];
  return readFileSync(join(LIVE_DIR, "manifest.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const entry = JSON.parse(line) as Omit<LiveCorpusSession, "records">;
      const records = readFileSync(join(LIVE_DIR, entry.file), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as LiveRecord);
      return { file: entry.file, provenance: entry.provenance, api: entry.api, messages: entry.messages, records };
    });
}

/** A deep copy, so that a mutation never touches the session other tests read. */
export const copyRecords = (records: readonly LiveRecord[]): LiveRecord[] => structuredClone(records) as LiveRecord[];

/** The key of a message's one member (`setup`, `serverContent`, …), under whichever spelling the file uses. */
export function memberOf(message: unknown): string | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  return Object.keys(message).find((k) => k !== "usageMetadata" && k !== "usage_metadata");
}
