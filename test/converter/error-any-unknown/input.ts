export interface Root {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  loose: any;
  opaque: unknown;
  thing: object;
}
