export enum Color {
  Red = "red",
  Green = "green",
}
export enum Priority {
  Low = 1,
  High = 2,
}
export interface Root {
  color: Color;
  priority: Priority;
  favourite: Color.Green;
}
