export interface Root {
  name: string;
  parent: Parent;
}
export interface Parent {
  child: Root;
  siblings: Root[];
}
