// Property tests draw from a fixed seed, so that `npm test` (and CI) is reproducible: a failure there is a change's,
// not the luck of the draw. FC_SEED=<n> picks another seed; FC_SEED=random draws a fresh one each run, for
// exploring (fast-check prints the seed of a failing run, to replay it with FC_SEED).
import fc from "fast-check";

const chosen = process.env["FC_SEED"];
if (chosen !== "random") {
  const seed = chosen === undefined ? 20261206 : Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(chosen)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
