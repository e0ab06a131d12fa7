export interface Root {
  id: `user-${string}`;
}
