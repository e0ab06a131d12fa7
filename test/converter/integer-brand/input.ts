import type { Integer } from "../../../packages/tools/src/response-schema/brands.ts";
export interface Root {
  count: Integer;
  ratio: number;
  pages: Integer[];
}
