// Runs the CLI from its TypeScript sources (`npm run cli -- …` inside this repository). The installed package runs
// the built JavaScript instead: see ../../bin/gemini-typekit.js.
import { main } from "./main.ts";

process.exitCode = await main(process.argv.slice(2));
