// The document a "request"-scope rule sees: the usual LintDocument (root = the request body) plus the request view,
// so a rule walks declarations and conversation without reparsing the body.
import { lintDocument, type LintDocument } from "../response-schema/rules/context.ts";
import type { RequestView } from "./view.ts";

export interface RequestDocument extends LintDocument {
  request: RequestView;
}

export function requestDocument(view: RequestView, file?: string): RequestDocument {
  // Request rules read `request`, not subschemas; dialect and target are placeholders the scope filter ignores.
  return {
    ...lintDocument(null, view.base, "responseJsonSchema", "responseJsonSchema", file),
    root: view.body,
    request: view,
  };
}

/** The request view of a document, when it is a request document (rules of other scopes never get one). */
export const requestOf = (doc: LintDocument): RequestView | undefined => (doc as Partial<RequestDocument>).request;
