export type Root = {
  id: string;
  address: {
    street: string;
    city?: string;
  };
};
