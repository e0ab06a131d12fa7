export interface Root {
  pair: [string, number];
  optionalTail: [string, number?];
  withRest: [string, ...number[]];
  readonlyPair: readonly [boolean, string];
}
