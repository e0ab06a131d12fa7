export interface Root {
  pair: [string, number];
  withRest: [string, ...number[]];
  readonlyPair: readonly [boolean, string];
}
