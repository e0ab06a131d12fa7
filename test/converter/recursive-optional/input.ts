/** A node of a comment thread. */
export interface Root {
  text: string;
  replies?: Root[];
  author?: Person;
}
export interface Person {
  name: string;
  /** Who recommended this person, if anyone. */
  referrer?: Person;
}
