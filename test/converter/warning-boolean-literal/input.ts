export interface Root {
  ok: true;
  flag: boolean;
}
