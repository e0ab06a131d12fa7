export interface Root {
  name: string;
  onChange: (value: string) => void;
  compute(): number;
}
