export class Root {
  title = "";
  count?: number;
  private secret = "s";
  protected internal = 1;
  #hidden = true;
  constructor(public readonly owner: string) {}
  static create(): Root {
    return new Root("me");
  }
  shout(): string {
    return this.title.toUpperCase() + this.secret + this.internal + String(this.#hidden);
  }
  describe(): string {
    return this.title;
  }
}
