/** A postal address. */
export interface Address {
  street: string;
  city: string;
}
export interface Root {
  billing: Address;
  shipping: Address;
  previous: Address[];
}
