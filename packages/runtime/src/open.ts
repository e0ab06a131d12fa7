/**
 * `T` with every string-literal union opened to any string (autocomplete kept): the type of a request-side value
 * that passed lenient validation, which accepts enum values the spec does not know.
 */
export type Open<T> = T extends string
  ? string extends T
    ? T
    : T | (string & {})
  : T extends readonly (infer E)[]
    ? Open<E>[]
    : T extends object
      ? { [K in keyof T]: Open<T[K]> }
      : T;
