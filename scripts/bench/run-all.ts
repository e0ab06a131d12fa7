// `npm run bench`: run every benchmark file in scripts/bench (*.bench.ts), one after another, each in its own process.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort()) {
  console.log(`\n## ${file}`);
  execFileSync(process.execPath, ["--import", "tsx", join(dir, file)], { stdio: "inherit" });
}
