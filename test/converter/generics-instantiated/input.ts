export interface Page<T> {
  items: T[];
  next?: string;
}
export interface Box<T> {
  value: T;
}
export interface User {
  id: string;
}
export interface Root {
  users: Page<User>;
  names: Page<string>;
  boxed: Box<number>;
}
