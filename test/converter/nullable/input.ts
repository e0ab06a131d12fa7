export interface Point {
  x: number;
  y: number;
}
export interface Root {
  label: string | null;
  point: Point | null;
  maybe?: boolean | null;
}
