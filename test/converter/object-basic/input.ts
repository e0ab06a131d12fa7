/** A person as the model should describe them. */
export interface Root {
  /** Full name. */
  name: string;
  age: number;
  active: boolean;
  nickname?: string;
  spouse: null;
}
