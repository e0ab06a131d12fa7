export interface Root {
  status: "open" | "closed" | "pending";
  kind: "fixed";
  level: 1 | 2 | 3;
  weight: 0.5 | 1.5;
}
