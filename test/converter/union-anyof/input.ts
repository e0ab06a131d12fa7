export interface Circle {
  radius: number;
}
export interface Square {
  side: number;
}
export interface Root {
  value: string | number;
  shape: Circle | Square;
  mixed: "auto" | number;
}
