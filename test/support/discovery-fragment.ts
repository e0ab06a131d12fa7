// Builds small Discovery documents for importer tests: just enough envelope around the schemas and methods a
// test cares about.
export function discoveryDoc(
  schemas: Record<string, unknown>,
  methods: Record<string, unknown> = {},
  revision = "20260101",
): Record<string, unknown> {
  return {
    kind: "discovery#restDescription",
    discoveryVersion: "v1",
    name: "generativelanguage",
    version: "v1beta",
    revision,
    rootUrl: "https://generativelanguage.googleapis.com/",
    servicePath: "",
    schemas: Object.fromEntries(
      Object.entries(schemas).map(([id, s]) => [id, { id, type: "object", ...(s as object) }]),
    ),
    resources: { models: { methods } },
  };
}

export const generateContentMethod = (request = "Req", response = "Res") => ({
  id: "generativelanguage.models.generateContent",
  httpMethod: "POST",
  path: "v1beta/{+model}:generateContent",
  flatPath: "v1beta/models/{modelsId}:generateContent",
  parameterOrder: ["model"],
  parameters: { model: { location: "path", required: true, type: "string", pattern: "^models/[^/]+$" } },
  request: { $ref: request },
  response: { $ref: response },
});
