export interface Root {
  /**
   * Age in whole years.
   * @integer
   * @minimum 0
   * @maximum 150
   */
  age: number;
  /** @integer */
  scores: number[];
  /**
   * @integer
   * @minimum 1
   */
  rank: number | null;
}
