// The vocabulary of the validator schemas, whole: each keyword family's node, reading, reference check, fast-path
// compile step and issue builders (one module per family, see ./keyword.ts), and the code builder the compile steps
// write with. The package exports it as "@gemini-typekit/runtime/vocabulary" for the tools' fast-path compiler; the
// library itself imports the modules it needs directly, so no bundle of an application carries the compile steps.
export * from "./code.ts";
export * from "./keyword.ts";
export * from "./nodes.ts";
export * from "./violations.ts";
export { compileAnyType, compileAnyTypeChecker } from "./any-types.ts";
export { compileArray } from "./arrays.ts";
export { compileMap } from "./maps.ts";
export { compileResource, compileResourceChecker } from "./objects.ts";
export { compileAnything, compileRef } from "./refs.ts";
export { compileInteger, compileScalar } from "./scalars.ts";
export { BYTES, DRIFT, compileString, foldedValues } from "./strings.ts";
