// Merge phase "path binding": which fields travel in the URL path, so that neither the types nor the validators
// demand them in the body (both accept them there). Two kinds:
// - Upstream marks e.g. GenerateContentRequest.model required, but clients send the model only in the path
//   (`models/{model}:generateContent`), and batch requests omit it altogether. A request field that upstream
//   requires is therefore required only in the path when every method sending that resource as its body takes a
//   path parameter of the same name.
// - Discovery leaves some path-bound fields out of the body schema altogether (BatchEmbedContentsRequest.model);
//   the importer adds them flagged `inPath` (see import/path-fields.ts), since clients send them in the body too.
//   They stay optional whatever else says otherwise.
// The final resources (resources.ts) mark these fields `inPath` and not `required`.
import type { MethodIR } from "../ir.ts";
import type { WorkingResources } from "./working.ts";

/** Paths ("Resource.field") of the fields bound to the URL path, by public resource name. */
export function pathBoundFields(methods: ReadonlyMap<string, MethodIR>, working: WorkingResources): Set<string> {
  const pathParams = new Map<string, Set<string>[]>(); // request resource → path parameters of each method sending it
  for (const method of methods.values()) {
    if (!method.request) continue;
    const params = new Set(
      Object.entries(method.parameters)
        .filter(([, p]) => p.location === "path")
        .map(([name]) => name),
    );
    pathParams.set(method.request, [...(pathParams.get(method.request) ?? []), params]);
  }
  const bound = new Set<string>();
  for (const [name, w] of working) {
    const lists = pathParams.get(name);
    for (const [jsonName, { field }] of w.fields)
      if (field.inPath || (lists && field.required && lists.every((params) => params.has(jsonName))))
        bound.add(`${name}.${jsonName}`);
  }
  return bound;
}
