export interface Root {
  optionalTail: [string, number?];
}
