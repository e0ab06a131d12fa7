export interface Root {
  odd: string & { length: 3 };
}
