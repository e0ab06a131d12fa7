export interface Root {
  counts: Record<string, number>;
  labels: { [key: string]: string };
  fixedKeys: Record<"a" | "b", boolean>;
}
