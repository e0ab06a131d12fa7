// The spec on disk: where each layer's files live, reading them (with located parse and meta-schema errors) and
// serializing the imported layer deterministically.
import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { error, type Diagnostic } from "../diagnostics.ts";
import { parseJsonText } from "../util/json-text.ts";
import { stableStringify } from "../util/stable-json.ts";
import { checkFile, type FileKind } from "./meta.ts";
import type {
  ImportedResource,
  ImportedSpec,
  ImportedService,
  MethodSpec,
  Overlay,
  OverlayEnum,
  OverlayResource,
  Corrections,
} from "./layers.ts";

export const IMPORTED_DIR = "imported";
export const OVERLAY_DIR = "overlay";

/** Where each value came from, so later checks can point at the right file. */
export interface SourceMap {
  importedResource: Map<string, string>;
  overlayResource: Map<string, string>;
  overlayEnum: Map<string, string>;
  importedMethods: string;
  overlayMethods: string;
  corrections: string;
  service: string;
}

function checkJson(kind: FileKind, text: string, display: string, diagnostics: Diagnostic[]): unknown {
  const parsed = parseJsonText(text, display);
  if (!parsed.ok) {
    diagnostics.push(parsed.diagnostic);
    return undefined;
  }
  const problems = checkFile(kind, parsed.value, display);
  diagnostics.push(...problems);
  return problems.length === 0 ? parsed.value : undefined;
}

async function listJson(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
}

/** Starts a read now; a failure surfaces where it is awaited (never as an unhandled rejection before that). */
function started<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

/** A file's text, or undefined when there is no such file. */
function readOptional(path: string): Promise<string | undefined> {
  return started(existsSync(path) ? readFile(path, "utf8") : Promise.resolve(undefined));
}

/** Every JSON file of a directory, read in parallel, in name order. */
function readAll(dir: string): Promise<{ name: string; text: string }[]> {
  return started(
    listJson(dir).then((names) =>
      Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), "utf8") }))),
    ),
  );
}

export interface SpecFiles {
  imported?: ImportedSpec;
  overlay: Overlay;
  sources: SourceMap;
}

/** Reads both layers. Missing overlay files are fine (an empty overlay); a missing imported layer is not. */
export async function readSpecFiles(
  specDir: string,
  cwd = process.cwd(),
): Promise<{ files: SpecFiles; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const show = (p: string) => relative(cwd, p) || p;
  const sources: SourceMap = {
    importedResource: new Map(),
    overlayResource: new Map(),
    overlayEnum: new Map(),
    importedMethods: show(join(specDir, IMPORTED_DIR, "methods.json")),
    overlayMethods: show(join(specDir, OVERLAY_DIR, "methods.json")),
    corrections: show(join(specDir, OVERLAY_DIR, "corrections.json")),
    service: show(join(specDir, IMPORTED_DIR, "service.json")),
  };
  const overlay: Overlay = { resources: {}, enums: {}, methods: {}, corrections: {} };
  const files: SpecFiles = { overlay, sources };

  const importedDir = join(specDir, IMPORTED_DIR);
  const overlayDir = join(specDir, OVERLAY_DIR);
  // All reads start here, so the I/O overlaps with the checks (the first one compiles the meta-schema). Checks run
  // in a fixed order, so diagnostics come out in a stable order.
  const read = {
    service: readOptional(join(importedDir, "service.json")),
    methods: readOptional(join(importedDir, "methods.json")),
    resources: readAll(join(importedDir, "resources")),
    overlayResources: readAll(join(overlayDir, "resources")),
    overlayEnums: readAll(join(overlayDir, "enums")),
    overlayMethods: readOptional(join(overlayDir, "methods.json")),
    corrections: readOptional(join(overlayDir, "corrections.json")),
  };

  const serviceText = await read.service;
  if (serviceText !== undefined) {
    const service = checkJson("importedService", serviceText, sources.service, diagnostics) as
      ImportedService | undefined;
    const methodsText = await read.methods;
    const methods =
      methodsText === undefined
        ? {}
        : (checkJson("importedMethods", methodsText, sources.importedMethods, diagnostics) as
            Record<string, MethodSpec> | undefined);
    const resources: Record<string, ImportedResource> = {};
    for (const { name, text } of await read.resources) {
      const display = show(join(importedDir, "resources", name));
      const r = checkJson("importedResource", text, display, diagnostics) as ImportedResource | undefined;
      if (!r) continue;
      if (`${r.name}.json` !== name)
        diagnostics.push(
          error("spec.file-name", `file holds resource "${r.name}" but is named ${name}`, {
            file: display,
            pointer: "/name",
          }),
        );
      resources[r.name] = r;
      sources.importedResource.set(r.name, display);
    }
    if (service && methods) files.imported = { service, resources, methods };
  } else {
    diagnostics.push(
      error("spec.not-imported", "no imported layer: run `gemini-typekit import <discovery.json>` first", {
        file: sources.service,
      }),
    );
  }

  for (const { name, text } of await read.overlayResources) {
    const display = show(join(overlayDir, "resources", name));
    const r = checkJson("overlayResource", text, display, diagnostics) as OverlayResource | undefined;
    const key = name.slice(0, -5);
    if (r) overlay.resources[key] = r;
    sources.overlayResource.set(key, display);
  }
  for (const { name, text } of await read.overlayEnums) {
    const display = show(join(overlayDir, "enums", name));
    const e = checkJson("overlayEnum", text, display, diagnostics) as OverlayEnum | undefined;
    const key = name.slice(0, -5);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(key))
      diagnostics.push(error("spec.file-name", "enum file names are the enum's PascalCase name", { file: display }));
    if (e) overlay.enums[key] = e;
    sources.overlayEnum.set(key, display);
  }
  const overlayMethods = await read.overlayMethods;
  if (overlayMethods !== undefined)
    overlay.methods =
      (checkJson("overlayMethods", overlayMethods, sources.overlayMethods, diagnostics) as
        Record<string, string> | undefined) ?? {};
  const corrections = await read.corrections;
  if (corrections !== undefined)
    overlay.corrections =
      (checkJson("overlayCorrections", corrections, sources.corrections, diagnostics) as Corrections | undefined) ?? {};
  return { files, diagnostics };
}

/** The imported layer as files (relative to spec/imported), byte-identical for identical input. */
export function serializeImported(spec: ImportedSpec): Map<string, string> {
  const files = new Map<string, string>();
  files.set("service.json", stableStringify(spec.service));
  files.set("methods.json", stableStringify(spec.methods));
  for (const [name, resource] of Object.entries(spec.resources)) {
    // Fields keep upstream order (stableStringify sorts keys, so fields become alphabetical, as upstream has them).
    files.set(join("resources", `${name}.json`), stableStringify(resource));
  }
  return files;
}
