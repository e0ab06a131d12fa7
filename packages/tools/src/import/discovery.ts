// Turning a Discovery document into the spec's imported layer: schemas → resources, properties → fields,
// methods → method specs. Upstream prose is read only for the field-behaviour prefixes ("Required.",
// "Output only.", …) and is never stored.
import { error, type Diagnostic } from "../diagnostics.ts";
import { pointer } from "../util/json-pointer.ts";
import type { FieldType, ImportedField, ImportedResource, MethodParameter, MethodSpec } from "../spec/layers.ts";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export interface DiscoveryDoc {
  name: string;
  version: string;
  revision: string;
  rootUrl: string;
  servicePath: string;
  schemas: Record<string, Json>;
  resources: Json;
}

/** Checks that a parsed JSON value is a Discovery document; one diagnostic per problem. */
export function asDiscoveryDoc(value: unknown, file: string): { doc?: DiscoveryDoc; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (p: string) => ({ file, pointer: p });
  if (!isObject(value))
    return { diagnostics: [error("discovery.not-object", "a Discovery document is a JSON object", at(""))] };
  if (value["kind"] !== "discovery#restDescription")
    diagnostics.push(
      error(
        "discovery.kind",
        `expected "kind": "discovery#restDescription", found ${JSON.stringify(value["kind"])}`,
        at("/kind"),
      ),
    );
  for (const key of ["name", "version", "revision", "rootUrl"] as const)
    if (typeof value[key] !== "string")
      diagnostics.push(error("discovery.missing", `missing string "${key}"`, at(`/${key}`)));
  if (!isObject(value["schemas"]))
    diagnostics.push(error("discovery.missing", 'missing object "schemas"', at("/schemas")));
  if (!isObject(value["resources"]))
    diagnostics.push(error("discovery.missing", 'missing object "resources"', at("/resources")));
  if (diagnostics.length > 0) return { diagnostics };
  return {
    doc: {
      name: value["name"] as string,
      version: value["version"] as string,
      revision: value["revision"] as string,
      rootUrl: value["rootUrl"] as string,
      servicePath: typeof value["servicePath"] === "string" ? value["servicePath"] : "",
      schemas: value["schemas"] as Record<string, Json>,
      resources: value["resources"] as Json,
    },
    diagnostics,
  };
}

const FORMAT_TYPES: Record<string, FieldType> = {
  "string:": "string",
  "string:byte": "bytes",
  "string:int64": "int64",
  "string:uint64": "uint64",
  "string:google-datetime": "timestamp",
  "string:date-time": "timestamp",
  "string:google-duration": "duration",
  "string:google-fieldmask": "fieldMask",
  "integer:int32": "int32",
  "integer:uint32": "uint32",
  "integer:": "int32",
  "number:float": "float",
  "number:double": "double",
  "number:": "double",
  "boolean:": "boolean",
  "any:": "value",
};

/** Field-behaviour words Google's generator puts at the start of descriptions. */
export function behaviourPrefix(description: unknown): Set<string> {
  const found = new Set<string>();
  if (typeof description !== "string") return found;
  const re = /^\s*(Required|Optional|Output only|Input only|Immutable)[.:]/;
  let rest = description;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    found.add(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return found;
}

interface TypeInfo {
  type: FieldType;
  ref?: string;
  values?: string[];
  valuesDeprecated?: boolean[];
  repeated?: true;
  map?: true;
}

/** Reads a property's type; element types of arrays and maps are read recursively one level. */
function readType(prop: Json, file: string, ptr: string, diagnostics: Diagnostic[]): TypeInfo | undefined {
  if (typeof prop["$ref"] === "string") return { type: "ref", ref: prop["$ref"] };
  const type = prop["type"];
  if (type === "array") {
    if (!isObject(prop["items"])) {
      diagnostics.push(
        error("discovery.array-items", "array property without an items object", { file, pointer: `${ptr}/items` }),
      );
      return undefined;
    }
    const inner = readType(prop["items"], file, `${ptr}/items`, diagnostics);
    if (!inner) return undefined;
    if (inner.repeated || inner.map) {
      if (inner.map && inner.type === "value") return { type: "struct", repeated: true };
      diagnostics.push(
        error("discovery.nested-collection", "arrays of arrays or of typed maps cannot be expressed", {
          file,
          pointer: ptr,
        }),
      );
      return undefined;
    }
    return { ...inner, repeated: true };
  }
  if (type === "object") {
    if (isObject(prop["additionalProperties"])) {
      const inner = readType(prop["additionalProperties"], file, `${ptr}/additionalProperties`, diagnostics);
      if (!inner) return undefined;
      // An object of arbitrary JSON values is google.protobuf.Struct on the wire.
      if (inner.type === "value" && !inner.repeated && !inner.map) return { type: "struct" };
      if (inner.repeated || inner.map) {
        diagnostics.push(
          error("discovery.nested-collection", "maps of arrays or maps cannot be expressed", { file, pointer: ptr }),
        );
        return undefined;
      }
      return { ...inner, map: true };
    }
    if (!prop["properties"]) return { type: "struct" };
    diagnostics.push(
      error("discovery.inline-object", "inline object schemas are not supported; upstream names every message", {
        file,
        pointer: ptr,
      }),
    );
    return undefined;
  }
  if (typeof type !== "string") {
    diagnostics.push(error("discovery.no-type", "property has neither $ref nor type", { file, pointer: ptr }));
    return undefined;
  }
  if (Array.isArray(prop["enum"])) {
    if (type !== "string" || !prop["enum"].every((v) => typeof v === "string")) {
      diagnostics.push(
        error("discovery.enum", "enums must be string-typed lists of strings", { file, pointer: `${ptr}/enum` }),
      );
      return undefined;
    }
    const dep = Array.isArray(prop["enumDeprecated"])
      ? (prop["enumDeprecated"] as unknown[]).map((d) => d === true)
      : [];
    return { type: "enum", values: prop["enum"] as string[], valuesDeprecated: dep };
  }
  const format = typeof prop["format"] === "string" ? prop["format"] : "";
  const mapped = FORMAT_TYPES[`${type}:${format}`];
  if (!mapped) {
    diagnostics.push(
      error("discovery.type", `unknown type/format combination "${type}"/"${format}"`, { file, pointer: ptr }),
    );
    return undefined;
  }
  return { type: mapped };
}

export interface ReadSchemasResult {
  resources: Record<string, ImportedResource>;
  /** Refs to schema names the document does not define, with where they occur. */
  danglingRefs: { field: string; ref: string; pointer: string }[];
}

export function readSchemas(doc: DiscoveryDoc, file: string, diagnostics: Diagnostic[]): ReadSchemasResult {
  const resources: Record<string, ImportedResource> = {};
  const danglingRefs: ReadSchemasResult["danglingRefs"] = [];
  for (const [name, schema] of Object.entries(doc.schemas)) {
    const sptr = pointer("schemas", name);
    if (!isObject(schema)) {
      diagnostics.push(error("discovery.schema", "schema is not an object", { file, pointer: sptr }));
      continue;
    }
    if (schema["id"] !== undefined && schema["id"] !== name)
      diagnostics.push(
        error("discovery.schema-id", `schema id ${JSON.stringify(schema["id"])} differs from its key`, {
          file,
          pointer: `${sptr}/id`,
        }),
      );
    if (schema["type"] !== "object")
      diagnostics.push(
        error("discovery.schema-type", "top-level schemas must be objects", { file, pointer: `${sptr}/type` }),
      );
    const props = schema["properties"] ?? {};
    if (!isObject(props)) {
      diagnostics.push(
        error("discovery.schema", "properties is not an object", { file, pointer: `${sptr}/properties` }),
      );
      continue;
    }
    const resource: ImportedResource = { name, fields: {} };
    if (schema["deprecated"] === true) resource.deprecated = true;
    for (const [jsonName, prop] of Object.entries(props)) {
      const pptr = pointer("schemas", name, "properties", jsonName);
      if (!isObject(prop)) {
        diagnostics.push(error("discovery.property", "property is not an object", { file, pointer: pptr }));
        continue;
      }
      const info = readType(prop, file, pptr, diagnostics);
      if (!info) continue;
      const field: ImportedField = { protoName: "", type: info.type };
      if (info.ref !== undefined) {
        field.ref = info.ref;
        if (!(info.ref in doc.schemas)) {
          const refPtr = `${pptr}${info.repeated ? "/items" : info.map ? "/additionalProperties" : ""}/$ref`;
          danglingRefs.push({ field: `${name}.${jsonName}`, ref: info.ref, pointer: refPtr });
        }
      }
      if (info.values) {
        field.values = info.values.map((v, i) =>
          info.valuesDeprecated?.[i] ? { name: v, deprecated: true as const } : { name: v },
        );
      }
      if (info.repeated) field.repeated = true;
      if (info.map) field.map = true;
      const words = behaviourPrefix(prop["description"]);
      if (words.has("Required")) field.required = true;
      if (prop["readOnly"] === true || words.has("Output only")) field.outputOnly = true;
      if (words.has("Input only")) field.inputOnly = true;
      if (words.has("Immutable")) field.immutable = true;
      if (prop["deprecated"] === true) field.deprecated = true;
      resource.fields[jsonName] = field;
    }
    resources[name] = resource;
  }
  return { resources, danglingRefs };
}

const HTTP_METHODS = new Set(["GET", "POST", "PATCH", "PUT", "DELETE"]);

/** A parameter's type and format folded into one spec type ("string"/"int64" → int64); unknown pairs are errors, not strings. */
function paramType(p: Json, file: string, ptr: string, diagnostics: Diagnostic[]): FieldType | undefined {
  const format = typeof p["format"] === "string" ? p["format"] : "";
  const mapped = FORMAT_TYPES[`${String(p["type"])}:${format}`];
  if (!mapped || mapped === "value")
    diagnostics.push(
      error(
        "discovery.parameter-type",
        `unknown parameter type/format combination "${String(p["type"])}"/"${format}"`,
        { file, pointer: ptr },
      ),
    );
  return mapped === "value" ? undefined : mapped;
}

export function readMethods(doc: DiscoveryDoc, file: string, diagnostics: Diagnostic[]): Record<string, MethodSpec> {
  const methods: Record<string, MethodSpec> = {};
  const walk = (resources: Json, ptr: string) => {
    for (const [rname, res] of Object.entries(resources)) {
      if (!isObject(res)) continue;
      const rptr = `${ptr}/${rname}`;
      for (const [mname, m] of Object.entries(isObject(res["methods"]) ? res["methods"] : {})) {
        const mptr = `${rptr}/methods/${mname}`;
        if (!isObject(m)) continue;
        const id = typeof m["id"] === "string" ? m["id"] : undefined;
        const httpMethod = m["httpMethod"];
        if (!id || typeof httpMethod !== "string" || !HTTP_METHODS.has(httpMethod) || typeof m["path"] !== "string") {
          diagnostics.push(
            error("discovery.method", "method needs an id, an httpMethod and a path", { file, pointer: mptr }),
          );
          continue;
        }
        const key = id.replace(/^[^.]+\./, ""); // "generativelanguage.models.generateContent" → "models.generateContent"
        const spec: MethodSpec = {
          id: key,
          httpMethod: httpMethod as MethodSpec["httpMethod"],
          path: m["path"],
          flatPath: typeof m["flatPath"] === "string" ? m["flatPath"] : m["path"],
          parameterOrder: Array.isArray(m["parameterOrder"]) ? (m["parameterOrder"] as string[]) : [],
          parameters: {},
        };
        for (const [pname, p] of Object.entries(isObject(m["parameters"]) ? m["parameters"] : {})) {
          const pptr = `${mptr}/parameters/${pname.replace(/~/g, "~0").replace(/\//g, "~1")}`;
          if (!isObject(p)) continue;
          if (p["location"] !== "path" && p["location"] !== "query") {
            diagnostics.push(
              error(
                "discovery.parameter-location",
                `parameter location ${JSON.stringify(p["location"])} is neither "path" nor "query"`,
                { file, pointer: `${pptr}/location` },
              ),
            );
            continue;
          }
          const type = paramType(p, file, pptr, diagnostics);
          if (!type) continue;
          const param: MethodParameter = { location: p["location"], type };
          if (p["required"] === true) param.required = true;
          if (p["repeated"] === true) param.repeated = true;
          if (typeof p["pattern"] === "string") param.pattern = p["pattern"];
          if (Array.isArray(p["enum"])) param.values = p["enum"] as string[];
          if (p["deprecated"] === true) param.deprecated = true;
          spec.parameters[pname] = param;
        }
        for (const role of ["request", "response"] as const) {
          const body = m[role];
          if (body === undefined) continue;
          const ref = isObject(body) ? body["$ref"] : undefined;
          if (typeof ref !== "string" || !(ref in doc.schemas)) {
            diagnostics.push(
              error(
                "discovery.unresolved-ref",
                `${role} refers to ${JSON.stringify(ref)}, which is not a schema of this document`,
                { file, pointer: `${mptr}/${role}/$ref` },
              ),
            );
            continue;
          }
          spec[role] = ref;
        }
        if (/^stream[A-Z]/.test(mname)) spec.streaming = "server";
        const upload = m["mediaUpload"];
        if (isObject(upload)) {
          const protocols: Record<string, string> = {};
          for (const [proto, v] of Object.entries(isObject(upload["protocols"]) ? upload["protocols"] : {}))
            if (isObject(v) && typeof v["path"] === "string") protocols[proto] = v["path"];
          spec.mediaUpload = {
            accept: Array.isArray(upload["accept"]) ? (upload["accept"] as string[]) : [],
            protocols,
          };
          if (typeof upload["maxSize"] === "string") spec.mediaUpload.maxSize = upload["maxSize"];
        }
        if (m["supportsMediaDownload"] === true) spec.mediaDownload = true;
        if (m["deprecated"] === true) spec.deprecated = true;
        methods[key] = spec;
      }
      if (isObject(res["resources"])) walk(res["resources"], `${rptr}/resources`);
    }
  };
  walk(doc.resources, "/resources");
  return methods;
}
