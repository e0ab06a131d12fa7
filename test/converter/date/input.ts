export interface Root {
  createdAt: Date;
  history: Date[];
}
