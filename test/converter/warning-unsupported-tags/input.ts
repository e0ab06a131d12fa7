export interface Root {
  /**
   * A product code.
   * @pattern ^[A-Z]{3}$
   * @minLength 3
   */
  code: string;
  /** @exclusiveMinimum 0 */
  price: number;
}
