export interface Root {
  /** @minItems 2 */
  name: string;
  /** @minimum low */
  count: number;
  /** @format uuid */
  flags: boolean[];
}
