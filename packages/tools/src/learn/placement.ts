// Which resource a recorded payload is, from what a manifest line says of the call that produced it: the URI and
// HTTP method name a method of the spec (matched on its path template), the role picks its request or response, and
// an error status means the error envelope. Nothing here looks inside the payload.
import type { MethodIR, SpecIR } from "../spec/ir.ts";

/** One line of a manifest.jsonl (the shared corpus's format); `resource` lets a hand-written manifest name it outright. */
export interface ManifestEntry {
  file: string;
  role: "request" | "response" | "stream";
  uri?: string;
  method?: string;
  status?: number;
  resource?: string;
}

export type Side = "request" | "response";

export type Placement = { resource: string; side: Side } | { unplaced: string };

/** The resource every failed call answers with, whatever the method. */
export const ERROR_RESOURCE = "ErrorResponse";

interface MethodRow {
  method: MethodIR;
  regex: RegExp;
  /** Characters of the path template outside its variables: the more, the more specific. */
  literal: number;
  /** The collections the method id names (`fileSearchStores.documents.get` → fileSearchStores/documents). */
  collections: string;
}

function methodRows(ir: SpecIR): MethodRow[] {
  return [...ir.methods.values()].map((method) => {
    const pattern = method.path
      .split(/(\{\+?[^}]+\})/)
      .map((part) =>
        part.startsWith("{+")
          ? "([^:]+)"
          : part.startsWith("{")
            ? "([^/:]+)"
            : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"),
      )
      .join("");
    return {
      method,
      regex: new RegExp(`^${pattern}$`),
      literal: method.path.replace(/\{[^}]+\}/g, "").length,
      collections: method.id.split(".").slice(0, -1).join("/"),
    };
  });
}

/** Vertex AI serves other methods under other paths: its payloads are not evidence about this API. */
const VERTEX_HOST = /aiplatform\.googleapis\.com$/;

/** The API path of a URI, as the spec's templates spell it: `upload/` dropped, any v1 version read as v1beta. */
export function apiPath(uri: string): string | { unplaced: string } {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { unplaced: `the URI ${JSON.stringify(uri)} cannot be parsed` };
  }
  if (VERTEX_HOST.test(url.hostname))
    return { unplaced: `${url.hostname} is Vertex AI, not the Gemini API this spec describes` };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  return path
    .replace(/^\/+/, "")
    .replace(/^upload\//, "")
    .replace(/^v1[a-z0-9]*\//, "v1beta/");
}

const pathCollections = (path: string) =>
  path
    .replace(/^v1beta\//, "")
    .split(":")[0]!
    .split("/")
    .filter((_, i) => i % 2 === 0)
    .join("/");

const agree = (rows: MethodRow[]) => new Set(rows.map((r) => `${r.method.request}→${r.method.response}`)).size <= 1;

/** Places manifest entries against one spec's methods. */
export class Placer {
  private readonly rows: MethodRow[];

  constructor(private readonly ir: SpecIR) {
    this.rows = methodRows(ir);
  }

  /**
   * The methods a path and HTTP method can be; several only when they agree on their resources. The most literal
   * template wins (`v1beta/models` over `v1beta/{+name}`), then the method whose id names the path's collections.
   * Without an HTTP method (a recorded curl call) any may match; if they disagree, GET (curl's default) decides.
   */
  methodsFor(path: string, httpMethod: string | undefined): MethodRow[] {
    let rows = this.rows.filter(
      (r) => r.regex.test(path) && (!httpMethod || r.method.httpMethod === httpMethod.toUpperCase()),
    );
    const best = Math.max(...rows.map((r) => r.literal));
    rows = rows.filter((r) => r.literal === best);
    if (!agree(rows)) rows = rows.filter((r) => r.collections === pathCollections(path));
    if (agree(rows)) return rows;
    return httpMethod ? [] : this.methodsFor(path, "GET");
  }

  place(entry: ManifestEntry): Placement {
    // A stream is split into chunks by what the file holds; its side is the response's.
    const side: Side = entry.role === "request" ? "request" : "response";
    if (entry.resource !== undefined) {
      return this.ir.resources.has(entry.resource)
        ? { resource: entry.resource, side }
        : { unplaced: `the manifest names ${entry.resource}, which is no resource of the spec` };
    }
    if (side === "response" && (entry.status ?? 0) >= 400) return { resource: ERROR_RESOURCE, side };
    if (entry.uri === undefined) return { unplaced: "the manifest line has no uri (nor a resource) to place it by" };
    const path = apiPath(entry.uri);
    if (typeof path !== "string") return path;
    const verb = entry.method ?? (side === "request" ? "POST" : undefined);
    const method = this.methodsFor(path, verb)[0]?.method;
    if (!method) return { unplaced: `no method of the spec matches ${verb ?? "any HTTP method"} ${path}` };
    const resource = side === "request" ? method.request : method.response;
    if (!resource) return { unplaced: `${method.id} has no ${side} body` };
    return { resource, side };
  }
}
