// Fields that travel in the URL path. Upstream marks e.g. GenerateContentRequest.model required, but clients send
// the model only in the path (`models/{model}:generateContent`), and batch requests omit it altogether. A request
// field that upstream requires is therefore required only in the path when every method sending that resource as
// its body takes a path parameter of the same name: the IR marks it `inPath` and not `required`, so neither the
// types nor the validators demand it in the body.
import type { SpecIR } from "./model.ts";

export function bindPathParameters(ir: SpecIR): void {
  const pathParams = new Map<string, Set<string>[]>(); // request resource → path parameters of each method sending it
  for (const method of ir.methods.values()) {
    if (!method.request) continue;
    const params = new Set(Object.entries(method.parameters).filter(([, p]) => p.location === "path").map(([name]) => name));
    const list = pathParams.get(method.request) ?? [];
    list.push(params);
    pathParams.set(method.request, list);
  }
  for (const [name, lists] of pathParams) {
    const resource = ir.resources.get(name);
    if (!resource) continue;
    for (const field of resource.fields) {
      if (field.required && lists.every((params) => params.has(field.jsonName))) {
        field.required = false;
        field.inPath = true;
      }
    }
  }
}
