// Benchmark (not a test), issue 13: the Live API session check.
//  1. Throughput: the recorded sessions of ../shared/fixtures/real/live (provenance "recorded"), every message pushed
//     in order into a fresh createLiveSession, in messages per second. Two inputs: the frames' text (what a socket
//     hands over; the session parses it) against JSON.parse of the same text, and the parsed values against a bare
//     walk over them (the floor of any validator). Both baselines are measured in the same run, interleaved. The
//     sessions with large audio frames (> 64 KiB) are timed apart too: there the base64 spot check is the cost.
//  2. Bundle size: esbuild (browser, ESM, minified; gzip -9) of an entry importing createLiveSession from the
//     runtime's sources, of one with watchLiveSocket too, against one REST validator (validateGenerateContentResponse)
//     bundled the same way in the same run.
// BENCH_ROUNDS / BENCH_WARMUP set the rounds (default 60 / 10), BENCH_REPEAT the sweeps per pass (default 10). Without ../shared the throughput part is skipped.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { createLiveSession } from "../../packages/runtime/src/index.ts";
import { CORPUS_DIR, ROOT } from "./support/corpus.ts";
import { consume, envNumber, measure, ms, ratio } from "./support/measure.ts";
import { walk } from "./support/walk.ts";

const ROUNDS = envNumber("BENCH_ROUNDS", 60);
/** Sweeps over the selection per timed pass, so that a pass lasts milliseconds, not microseconds. */
const REPEAT = envNumber("BENCH_REPEAT", 10);
const WARMUP = envNumber("BENCH_WARMUP", 10);
const LIVE_DIR = join(CORPUS_DIR, "live");
const LARGE_FRAME = 64 * 1024;

type Direction = "client" | "server";
interface Frame {
  direction: Direction;
  /** The message's JSON text, as the corpus line holds it (whitespace outside strings removed, tokens as recorded). */
  text: string;
  value: unknown;
}

/** Each recorded session's frames, in order. */
function recordedSessions(): { file: string; frames: Frame[] }[] {
  return readFileSync(join(LIVE_DIR, "manifest.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { file: string; provenance: string })
    .filter((m) => m.provenance === "recorded")
    .map(({ file }) => ({
      file,
      frames: readFileSync(join(LIVE_DIR, file), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((line) => {
          const { direction, message } = JSON.parse(line) as { direction: Direction; message: unknown };
          return { direction, text: JSON.stringify(message), value: message };
        }),
    }));
}

const perSecond = (messages: number, millis: number) =>
  `${Math.round((messages / millis) * 1000).toLocaleString("en-US")} msg/s`;
const bytes = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`);

function throughput(label: string, sessions: { file: string; frames: Frame[] }[]): void {
  const messages = sessions.reduce((n, s) => n + s.frames.length, 0);
  const timed = messages * REPEAT;
  const textBytes = sessions.reduce((n, s) => n + s.frames.reduce((m, f) => m + f.text.length, 0), 0);
  // Nothing invalid is timed as if it were the normal path: every session must pass as recorded.
  for (const s of sessions) {
    const session = createLiveSession();
    for (const f of s.frames) session.push(f.direction, f.text);
    const errors = session.issues.filter((i) => i.severity === "error");
    if (errors.length > 0) throw new Error(`${s.file} does not validate: ${JSON.stringify(errors.slice(0, 2))}`);
  }
  const repeated = Array.from({ length: REPEAT }, () => sessions).flat();
  const times = measure(
    {
      "session, frame text": () => {
        for (const s of repeated) {
          const session = createLiveSession();
          for (const f of s.frames) consume(session.push(f.direction, f.text).ok);
        }
      },
      "JSON.parse of the text": () => {
        for (const s of repeated) for (const f of s.frames) consume(JSON.parse(f.text));
      },
      "session, parsed values": () => {
        for (const s of repeated) {
          const session = createLiveSession();
          for (const f of s.frames) consume(session.push(f.direction, f.value).ok);
        }
      },
      "walk of the values": () => {
        for (const s of repeated) for (const f of s.frames) consume(walk(f.value));
      },
    },
    ROUNDS,
    WARMUP,
  );
  console.log(
    `\n${label}: ${sessions.length} sessions, ${messages} messages, ${bytes(textBytes)} of JSON text; medians of ${ROUNDS} rounds of ${REPEAT} sweeps`,
  );
  const row = (name: keyof typeof times, baseline?: keyof typeof times) =>
    console.log(
      `  ${name.padEnd(24)} ${ms(times[name]).padStart(10)}  ${perSecond(timed, times[name]).padStart(16)}${baseline ? `  ${ratio(times[name] / times[baseline])} ${baseline}` : ""}`,
    );
  row("session, frame text", "JSON.parse of the text");
  row("JSON.parse of the text");
  row("session, parsed values", "walk of the values");
  row("walk of the values");
}

async function bundleSize(name: string, code: string, dir: string): Promise<{ raw: number; gzip: number }> {
  const file = join(dir, `${name.replace(/\W+/g, "-")}.mjs`);
  writeFileSync(file, code);
  const result = await build({
    entryPoints: [file],
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const out = result.outputFiles[0]!.contents;
  return { raw: out.byteLength, gzip: gzipSync(out, { level: 9 }).byteLength };
}

async function bundles(): Promise<void> {
  const runtime = JSON.stringify(join(ROOT, "packages/runtime/src/index.ts"));
  const dir = mkdtempSync(join(tmpdir(), "gtk-live-bench-"));
  try {
    const entries = {
      "one REST validator": `import { validateGenerateContentResponse } from ${runtime};\nglobalThis.check = validateGenerateContentResponse;\n`,
      createLiveSession: `import { createLiveSession } from ${runtime};\nglobalThis.live = createLiveSession;\n`,
      "createLiveSession + watchLiveSocket": `import { createLiveSession, watchLiveSocket } from ${runtime};\nglobalThis.live = [createLiveSession, watchLiveSocket];\n`,
    };
    console.log("\nbundle size (esbuild, platform browser, format esm, minified; gzip level 9), runtime sources");
    let baseline: { raw: number; gzip: number } | undefined;
    for (const [name, code] of Object.entries(entries)) {
      const size = await bundleSize(name, code, dir);
      baseline ??= size;
      const versus = size === baseline ? "" : `  ${ratio(size.gzip / baseline.gzip)} one REST validator (gzip)`;
      console.log(
        `  ${name.padEnd(36)} ${bytes(size.raw).padStart(10)} minified ${bytes(size.gzip).padStart(10)} gzip${versus}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (existsSync(join(LIVE_DIR, "manifest.jsonl"))) {
  const sessions = recordedSessions();
  throughput("all recorded Live sessions", sessions);
  const large = sessions.filter((s) => s.frames.some((f) => f.text.length > LARGE_FRAME));
  throughput(`recorded sessions with a frame over ${bytes(LARGE_FRAME)} (realtime audio)`, large);
  throughput(
    "recorded sessions without one",
    sessions.filter((s) => !large.includes(s)),
  );
} else console.log(`${LIVE_DIR} is absent: the throughput part is skipped`);
await bundles();
