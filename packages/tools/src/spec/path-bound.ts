// Fields that travel in the URL path. Two kinds reach the IR:
// - Upstream marks e.g. GenerateContentRequest.model required, but clients send the model only in the path
//   (`models/{model}:generateContent`), and batch requests omit it altogether. A request field that upstream
//   requires is therefore required only in the path when every method sending that resource as its body takes a
//   path parameter of the same name: the IR marks it `inPath` and not `required`.
// - Discovery leaves some path-bound fields out of the body schema altogether (BatchEmbedContentsRequest.model);
//   the importer adds them flagged `inPath` (see import/path-fields.ts), since clients send them in the body too.
//   They stay optional whatever else says otherwise.
// Either way neither the types nor the validators demand the field in the body, and both accept it there.
import type { SpecIR } from "./model.ts";

export function bindPathParameters(ir: SpecIR): void {
  const pathParams = new Map<string, Set<string>[]>(); // request resource → path parameters of each method sending it
  for (const method of ir.methods.values()) {
    if (!method.request) continue;
    const params = new Set(
      Object.entries(method.parameters)
        .filter(([, p]) => p.location === "path")
        .map(([name]) => name),
    );
    const list = pathParams.get(method.request) ?? [];
    list.push(params);
    pathParams.set(method.request, list);
  }
  for (const resource of ir.resources.values()) {
    const lists = pathParams.get(resource.name);
    for (const field of resource.fields) {
      if (field.inPath) field.required = false;
      else if (lists && field.required && lists.every((params) => params.has(field.jsonName))) {
        field.required = false;
        field.inPath = true;
      }
    }
  }
}
