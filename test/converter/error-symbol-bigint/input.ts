export interface Root {
  key: symbol;
  big: bigint;
}
