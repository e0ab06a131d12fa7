export interface User {
  /** Login name. */
  name: string;
  email?: string;
  age: number;
  admin: boolean;
}
export interface Root {
  patch: Partial<User>;
  complete: Required<User>;
  contact: Pick<User, "name" | "email">;
  publicView: Omit<User, "admin">;
  frozen: Readonly<Pick<User, "age">>;
}
