// `gemini-typekit import`: read upstream documents, build the imported layer, check it merges with the overlay,
// then replace spec/imported atomically and report what changed. Nothing is written when anything is wrong.
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { basename, join, resolve } from "node:path";
import { error, hasErrors, warning, type Diagnostic } from "../diagnostics.ts";
import { parseJsonText } from "../util/json-text.ts";
import { replaceDirectory } from "../util/atomic-write.ts";
import { readSpecFiles, serializeImported, IMPORTED_DIR, type SourceMap } from "../spec/files.ts";
import { mergeSpec, publicNameMap, renameHistory } from "../spec/merge.ts";
import { checkFile } from "../spec/meta.ts";
import type { ImportedSpec, Overlay } from "../spec/layers.ts";
import { asDiscoveryDoc, readMethods, readSchemas } from "./discovery.ts";
import { loadProtos } from "./protos.ts";
import { readOpenApi } from "./openapi.ts";
import { buildImported } from "./build.ts";
import { compareImported, type ChangeReport } from "./report.ts";

export interface ImportOptions {
  discovery: string;
  protos?: string;
  openapi?: string;
  specDir: string;
  /** Compute everything but write nothing. */
  dryRun?: boolean;
}

export interface ImportResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  report?: ChangeReport;
  written: boolean;
  imported?: ImportedSpec;
}

async function readJsonFile(
  path: string,
  diagnostics: Diagnostic[],
): Promise<{ value: unknown; sha256: string } | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    diagnostics.push(error("import.unreadable", `cannot read: ${(e as Error).message}`, { file: path }));
    return undefined;
  }
  const parsed = parseJsonText(text, path);
  if (!parsed.ok) {
    diagnostics.push(parsed.diagnostic);
    return undefined;
  }
  return { value: parsed.value, sha256: createHash("sha256").update(text).digest("hex") };
}

export interface UpstreamImport {
  /** The imported layer, when no error stands in its way. */
  imported?: ImportedSpec;
  /**
   * When errors refuse the import but the Discovery document itself was read (JSON, shaped as Discovery) and the
   * protos and OpenAPI asked for were read without error: the layer as far as it could be built, so a refused
   * import can still show what the new document changes. Absent when `imported` is set.
   */
  partial?: ImportedSpec;
  diagnostics: Diagnostic[];
}

/** Builds the imported layer from upstream files. Dangling refs are allowed only where the overlay corrects them. */
export async function importUpstream(
  options: Omit<ImportOptions, "specDir" | "dryRun">,
  overlay: Overlay,
): Promise<UpstreamImport> {
  const diagnostics: Diagnostic[] = [];
  const disc = await readJsonFile(options.discovery, diagnostics);
  const protoResult = options.protos ? await loadProtos(options.protos) : undefined;
  if (protoResult) diagnostics.push(...protoResult.diagnostics);
  const openapiFile = options.openapi ? await readJsonFile(options.openapi, diagnostics) : undefined;
  const openapi = openapiFile ? readOpenApi(openapiFile.value, options.openapi!, openapiFile.sha256) : undefined;
  if (openapi) diagnostics.push(...openapi.diagnostics);
  if (!disc) return { diagnostics };

  const { doc, diagnostics: docProblems } = asDiscoveryDoc(disc.value, options.discovery);
  diagnostics.push(...docProblems);
  if (!doc) return { diagnostics };
  // A report built without protos or OpenAPI facts that were asked for would list their every fact as a change.
  const companionsRead = !hasErrors(diagnostics);
  const { resources, danglingRefs } = readSchemas(doc, options.discovery, diagnostics);
  const methods = readMethods(doc, options.discovery, diagnostics);

  // A dangling ref is fine only if the overlay corrects exactly that field away from exactly that ref.
  const renames = renameHistory(overlay);
  for (const d of danglingRefs) {
    const [res, field] = d.field.split(".") as [string, string];
    const publicPath = `${renames.get(res) ?? res}.${field}`;
    const corrected = (overlay.corrections.fieldTypes ?? []).some(
      (c) => c.field === publicPath && c.upstream.type === "ref" && c.upstream.ref === d.ref,
    );
    if (!corrected)
      diagnostics.push(
        error(
          "import.unresolved-ref",
          `${d.field} refers to "${d.ref}", which the document does not define`,
          { file: options.discovery, pointer: d.pointer },
          "fix the document, or add a fieldTypes correction to spec/overlay/corrections.json",
        ),
      );
  }

  const service = {
    name: doc.name,
    version: doc.version,
    revision: doc.revision,
    rootUrl: doc.rootUrl,
    servicePath: doc.servicePath,
    sources: {
      discovery: { file: basename(options.discovery), sha256: disc.sha256 },
      ...(protoResult?.protos
        ? { protos: { file: basename(options.protos!), sha256: protoResult.protos.sha256 } }
        : {}),
      ...(openapi?.facts ? { openapi: { file: basename(options.openapi!), sha256: openapi.facts.sha256 } } : {}),
    },
  };
  // Built even when the document has errors: readSchemas and readMethods leave out only what they could not read.
  const imported = buildImported(service, resources, methods, protoResult?.protos, openapi?.facts, diagnostics);
  if (!hasErrors(diagnostics)) return { imported, diagnostics };
  return companionsRead ? { partial: imported, diagnostics } : { diagnostics };
}

/**
 * What the new layer changes against the old one. Both sides go through the whole rename history: the old layer
 * may carry an upstream name the new document no longer uses, and it must still meet its public name.
 */
function changeReport(
  existing: { imported?: ImportedSpec; overlay: Overlay; sources: SourceMap },
  next: ImportedSpec,
): ChangeReport {
  const renames = new Map([
    ...renameHistory(existing.overlay),
    ...publicNameMap(next, existing.overlay, existing.sources, []),
  ]);
  return compareImported(existing.imported, next, renames);
}

export async function runImport(options: ImportOptions, cwd = process.cwd()): Promise<ImportResult> {
  const existing = await readSpecFiles(options.specDir, cwd);
  // The old imported layer is ours to replace: if it is absent or broken, import anyway (with no change report
  // against it). Problems in the hand-written overlay stop the import.
  const importedDir = join(options.specDir, IMPORTED_DIR);
  const inImported = (d: Diagnostic) =>
    d.code === "spec.not-imported" ||
    (d.location.file !== undefined && resolve(cwd, d.location.file).startsWith(importedDir));
  const overlayProblems = existing.diagnostics.filter((d) => !inImported(d));
  if (hasErrors(overlayProblems)) return { ok: false, diagnostics: overlayProblems, written: false };
  const oldLayerBroken = existing.diagnostics.some((d) => inImported(d) && d.code !== "spec.not-imported");
  if (oldLayerBroken) existing.files.imported = undefined;

  const { imported, partial, diagnostics } = await importUpstream(options, existing.files.overlay);
  if (oldLayerBroken)
    diagnostics.push(
      warning(
        "import.old-layer-invalid",
        "the previous imported layer is invalid; it is replaced without a change report",
        { file: importedDir },
      ),
    );
  // Refused for what the document says, but read: what it changes is still reported beside the errors.
  if (partial) return { ok: false, diagnostics, report: changeReport(existing.files, partial), written: false };
  if (!imported) return { ok: false, diagnostics, written: false };

  // The report is made before anything can refuse the import, so a refusal still shows what the new document
  // changes (and the errors say how to fix the overlay).
  const report = changeReport(existing.files, imported);

  const merged = mergeSpec(imported, existing.files.overlay, existing.files.sources);
  diagnostics.push(...merged.diagnostics);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, report, written: false };

  // What we write must itself be a valid spec layer.
  for (const [kind, value, file] of [
    ["importedService", imported.service, "service.json"],
    ["importedMethods", imported.methods, "methods.json"],
    ...Object.values(imported.resources).map((r) => ["importedResource", r, `resources/${r.name}.json`] as const),
  ] as const)
    diagnostics.push(...checkFile(kind, value, join(options.specDir, IMPORTED_DIR, file)));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, report, written: false };

  const files = serializeImported(imported);
  const before = existing.files.imported ? serializeImported(existing.files.imported) : undefined;
  const unchanged =
    before !== undefined && before.size === files.size && [...files].every(([k, v]) => before.get(k) === v);
  if (!unchanged && !options.dryRun) await replaceDirectory(join(options.specDir, IMPORTED_DIR), files);
  return { ok: true, diagnostics, report, written: !unchanged && !options.dryRun, imported };
}
