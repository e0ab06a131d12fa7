export interface Root<T> {
  value: T;
  label: string;
}
