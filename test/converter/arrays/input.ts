export interface Root {
  tags: string[];
  matrix: Array<number[]>;
  frozen: readonly boolean[];
}
