// An emitter that always throws, for the test that generate reports a failing output as a diagnostic.
export function emitNothing(): never {
  throw new Error("this emitter always fails\n    at a stack line that must not be shown");
}
