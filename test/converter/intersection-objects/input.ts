export interface Named {
  name: string;
}
export interface Aged {
  age: number;
}
export type Root = Named & Aged & { note?: string };
