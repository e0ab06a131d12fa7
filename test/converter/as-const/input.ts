export const SIZES = ["s", "m", "l"] as const;
export const Mode = { Fast: "fast", Safe: "safe" } as const;
export type Mode = (typeof Mode)[keyof typeof Mode];
export interface Root {
  size: (typeof SIZES)[number];
  mode: Mode;
}
