/**
 * A list of things to buy.
 * @title Shopping list
 */
export interface Root {
  /**
   * What to buy.
   * @minItems 1
   * @maxItems 10
   */
  items: string[];
  /** @format email */
  owner: string;
  /**
   * When the list was written.
   * @format date
   */
  written?: string;
  /** The store to go to. */
  store: Store;
  /** @title Backup store */
  backup?: Store;
}
export interface Store {
  name: string;
}
