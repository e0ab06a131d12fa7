// Merge check "response scopes", run on the finished IR because it needs each resource's side of the wire.
import { error, type Diagnostic } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { Corrections } from "../layers.ts";
import type { SpecIR } from "../ir.ts";

/**
 * A "responses" relaxation is only expressible on a resource that travels in responses alone: there the field is
 * simply optional. A resource sent in requests too would need separate request and response schemas and checkers,
 * which the generator does not make, so such a correction is an error rather than a silent loosening of requests.
 */
export function checkResponseScopes(
  ir: SpecIR,
  corrections: Corrections,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): void {
  (corrections.relaxedRequired ?? []).forEach((c, i) => {
    if (c.scope !== "responses") return;
    const res = c.field.split(".")[0]!;
    const s = ir.resources.get(res)?.side;
    if (s === undefined || s === "response") return;
    const why =
      s === "both"
        ? `${res} is sent in requests and returned in responses; the generated types, schemas and validators are one per resource, so relaxing it for responses alone would relax requests too. Use scope "everywhere" if requests may omit it as well`
        : `${res} is only sent in requests; no response carries it`;
    diagnostics.push(
      error("spec.unsupported-correction", `scope "responses" for ${c.field}: ${why}`, {
        file: sources.corrections,
        pointer: `${pointer("relaxedRequired", i)}/scope`,
      }),
    );
  });
}
