// The rule table: every kind of change `diff` can report, with its level and which of the three audiences it breaks.
//   types:      code written against the generated TypeScript types (does it still compile?);
//   wire:       programs talking to the API (does a request that worked still work, is a response still understood?);
//   validators: the strict generated validators (does a payload that passed still pass?).
// A rule's level is fixed: where the verdict depends on direction (request or response), there are two rules.

export type Level = "breaking" | "warning" | "info";
export type Audience = "types" | "wire" | "validators";

export interface Rule {
  id: string;
  level: Level;
  /** The audiences whose code or payloads this change can break; empty for warnings and infos. */
  breaks: Audience[];
  /** What the change is and why it has this level, in a sentence. */
  summary: string;
  /** A before → after example. */
  example: string;
}

const R = (id: string, level: Level, breaks: Audience[], summary: string, example: string): Rule => ({ id, level, breaks, summary, example });

export const RULES: readonly Rule[] = [
  R("revision-changed", "info", [], "The Discovery revision moved on.", "revision 20251028 → 20260325"),
  R("resource-added", "info", [], "A new resource (schema); nothing existing refers to it yet.", "+ ToolCall"),
  R("resource-removed", "breaking", ["types", "wire", "validators"], "A resource is gone: code naming its type stops compiling and payloads holding it are rejected.", "- TunedModelSource"),
  R("resource-upstream-renamed", "info", [], "Upstream renamed a schema the spec keeps under one public name; nothing public changes.", "GroundingSupport: upstream GroundingSupport → GoogleAiGenerativelanguageV1alphaGroundingSupport"),
  R("resource-deprecated", "warning", [], "A resource is marked deprecated: it still works, but plan its removal.", "TunedModel deprecated: false → true"),
  R("resource-undeprecated", "info", [], "A resource is no longer marked deprecated.", "deprecated: true → false"),
  R("field-added", "info", [], "A new optional field (or one only responses carry).", "+ Part.toolCall (ref ToolCall)"),
  R("request-field-added-required", "breaking", ["types", "wire", "validators"], "A new required field in a request: requests without it no longer compile, pass, or get accepted.", "+ GenerateContentRequest.model (string, required)"),
  R("field-removed", "breaking", ["types", "wire", "validators"], "A field is gone: code using it stops compiling, and strict validators reject payloads that still carry it.", "- GroundingSupport.renderedParts"),
  R("field-type-changed", "breaking", ["types", "wire", "validators"], "A field's type changed (in public names) to another shape: values of the old type no longer fit.", "Candidate.index type: int32 → string"),
  R("field-format-changed", "breaking", ["wire", "validators"], "A field's scalar type changed within one JSON kind: the generated type is the same, but values that were valid may now be out of range or badly formatted.", "Candidate.index type: int32 → uint32"),
  R("request-field-became-required", "breaking", ["types", "wire", "validators"], "A field of a request became required: requests leaving it out break.", "Tool.functionDeclarations required: false → true"),
  R("response-field-became-required", "info", [], "A field only responses carry is now always present; readers lose nothing.", "Candidate.content required: false → true"),
  R("response-field-became-optional", "breaking", ["types", "validators"], "A response field may now be absent: code reading it without a check stops compiling.", "Candidate.content required: true → false"),
  R("request-field-became-optional", "info", [], "A request field may now be left out; every request that worked still works.", "required: true → false"),
  R("field-became-output-only", "breaking", ["wire"], "A field can no longer be sent: the API ignores or rejects it in requests. The types keep it (optional) and validators only mark it readOnly, so code still compiles and passes.", "Segment.text outputOnly: false → true"),
  R("field-no-longer-output-only", "info", [], "A field the API only sent can now be sent too.", "outputOnly: true → false"),
  R("field-became-input-only", "breaking", ["wire"], "A field is no longer returned: code that reads it from responses finds nothing there (the types keep it, so it still compiles).", "inputOnly: false → true"),
  R("field-no-longer-input-only", "info", [], "A field only accepted is now also returned.", "inputOnly: true → false"),
  R("field-immutable-changed", "warning", [], "A field became (or stopped being) immutable after creation: updates that set it may now fail.", "immutable: false → true"),
  R("field-deprecated", "warning", [], "A field is marked deprecated: it still works, but plan its removal.", "deprecated: false → true"),
  R("field-undeprecated", "info", [], "A field is no longer marked deprecated.", "deprecated: true → false"),
  R("field-in-path-changed", "info", [], "A field moved between the URL path and the body only; both stay allowed in the body.", "inPath: false → true"),
  R("field-proto-name-changed", "info", [], "The proto name of a field changed; JSON names and types are the same.", "protoName: max_tokens → max_output_tokens"),
  R("request-enum-value-added", "info", [], "A new value a request may send; old requests are unaffected.", "+ GenerationConfig.mediaResolution#MEDIA_RESOLUTION_ULTRA"),
  R("response-enum-value-added", "warning", [], "A response may carry a value old code does not handle (exhaustive switches, old strict validators).", "+ Candidate.finishReason#MALFORMED_RESPONSE"),
  R("enum-value-removed", "breaking", ["types", "wire", "validators"], "An enum value is gone: code naming it stops compiling and payloads holding it are rejected.", "- ExecutableCode.language#BASH"),
  R("enum-value-deprecated", "warning", [], "An enum value is marked deprecated.", "deprecated: false → true"),
  R("enum-value-undeprecated", "info", [], "An enum value is no longer marked deprecated.", "deprecated: true → false"),
  R("oneof-added", "breaking", ["types", "validators"], "Fields a request could set together became mutually exclusive: code setting two of them stops compiling and the payload no longer passes.", "+ Part#oneof:data"),
  R("response-oneof-added", "breaking", ["validators"], "Fields only responses carry became mutually exclusive: readers are unaffected, but a payload setting two of them no longer passes.", "+ Candidate#oneof:result"),
  R("oneof-added-compatible", "info", [], "A new oneof that makes no two existing fields exclusive that were not already (at most one member existed, or they shared a oneof): nothing breaks.", "+ Part#oneof:metadata (videoMetadata, new field)"),
  R("oneof-removed", "info", [], "Fields are no longer mutually exclusive; everything that passed still passes.", "- Part#oneof:data"),
  R("oneof-members-changed", "breaking", ["types", "validators"], "A field a request could set beside the oneof's members joined it: code setting both stops compiling and the payload no longer passes.", "members: text,inlineData → text,inlineData,fileData (fileData existed)"),
  R("response-oneof-members-changed", "breaking", ["validators"], "A field only responses carry joined a oneof beside fields it was set with: a payload setting both no longer passes.", "members: a,b → a,b,c (c existed)"),
  R("oneof-members-relaxed", "info", [], "A oneof lost members or gained only new fields: no two fields that could be set together became exclusive.", "members: text,inlineData → text,inlineData,toolCall (new field)"),
  R("method-added", "info", [], "A new method.", "+ auth_tokens.create"),
  R("method-removed", "breaking", ["types", "wire"], "A method is gone: calls to it fail.", "- corpora.documents.chunks.create"),
  R("method-http-changed", "breaking", ["wire"], "The HTTP verb or path template changed: requests sent the old way miss.", "path: v1beta/{+name} → v1beta/{+name}:get"),
  R("method-flat-path-changed", "warning", [], "The spelled-out path changed while the template did not: the resource names it accepts may differ.", "flatPath: v1beta/files/{filesId} → v1beta/files/{filesId}/v2"),
  R("method-request-changed", "breaking", ["types", "wire", "validators"], "A method takes a different request resource.", "request: CreateFileRequest → UploadFileRequest"),
  R("method-response-changed", "breaking", ["types", "wire", "validators"], "A method returns a different response resource.", "response: Operation → CreateFileResponse"),
  R("method-streaming-changed", "breaking", ["wire"], "A method's streaming mode changed: its responses are read differently (the types give each message's type, which need not change).", "streaming: none → server"),
  R("method-parameter-order-changed", "info", [], "The order of the path parameters in client signatures changed; URLs are the same.", "parameterOrder: name → parent,name"),
  R("method-upload-limit-decreased", "breaking", ["wire"], "The media upload size limit fell: uploads that worked may be refused.", "media.upload mediaUpload.maxSize: 2147483648 → 104857600"),
  R("method-upload-limit-increased", "info", [], "The media upload size limit rose (or was lifted).", "mediaUpload.maxSize: 104857600 → 2147483648"),
  R("method-upload-protocol-removed", "breaking", ["wire"], "An upload protocol is gone: uploads sent to its path fail.", "mediaUpload.protocols: resumable,simple → simple"),
  R("method-upload-changed", "warning", [], "The accepted media types changed, or an upload protocol was added: check uploads still match.", "mediaUpload.accept: */* → image/*"),
  R("method-download-changed", "warning", [], "Media download support changed.", "mediaDownload: false → true"),
  R("method-parameter-added", "info", [], "A new optional parameter.", "+ models.list(pageSize)"),
  R("method-parameter-added-required", "breaking", ["types", "wire"], "A new required parameter: calls without it are refused.", "+ files.list(parent) required"),
  R("method-parameter-removed", "breaking", ["types", "wire"], "A parameter is gone: calls still sending it may be refused.", "- models.list(pageToken)"),
  R("method-parameter-changed", "breaking", ["types", "wire"], "A parameter's type changed to another JSON kind: values of the old type no longer fit.", "models.list(pageSize) type: int32 → string"),
  R("method-parameter-format-changed", "breaking", ["wire"], "A parameter's scalar type changed within one JSON kind: the type is the same, but values that were valid may be refused.", "models.list(pageSize) type: int32 → uint32"),
  R("method-parameter-moved", "breaking", ["wire"], "A parameter moved between the URL path and the query string: calls built the old way miss.", "location: query → path"),
  R("method-parameter-became-required", "breaking", ["types", "wire"], "A parameter became required: calls leaving it out are refused.", "required: false → true"),
  R("method-parameter-became-optional", "info", [], "A parameter may now be left out.", "required: true → false"),
  R("method-parameter-pattern-changed", "warning", [], "The pattern a path parameter must match changed: some values that matched may not.", "pattern: ^models/[^/]+$ → ^models/[^/]+/v2$"),
  R("method-parameter-value-removed", "breaking", ["types", "wire"], "An enum parameter lost a value: code passing it stops compiling and calls with it are refused.", "values: A,B → A,C"),
  R("method-parameter-value-added", "info", [], "An enum parameter accepts a new value.", "values: A → A,B"),
  R("unclassified-change", "warning", [], "A change no rule knows yet: review it by hand (and add a rule).", "—"),
];

export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
