import type { Integer } from "../../../generator/schema/brands.ts";
export interface Root {
  count: Integer;
  ratio: number;
  pages: Integer[];
}
