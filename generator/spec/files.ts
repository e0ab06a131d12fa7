// The spec on disk: where each layer's files live, reading them (with located parse and meta-schema errors) and
// serializing the imported layer deterministically.
import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { error, type Diagnostic } from "../diagnostics.ts";
import { parseJsonText } from "../util/json-text.ts";
import { stableStringify } from "../util/stable-json.ts";
import { checkFile, type FileKind } from "./meta.ts";
import type { ImportedResource, ImportedSpec, ImportedService, MethodSpec, Overlay, OverlayEnum, OverlayResource, Corrections } from "./model.ts";

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

async function readJson(kind: FileKind, path: string, display: string, diagnostics: Diagnostic[]): Promise<unknown> {
  return checkJson(kind, await readFile(path, "utf8"), display, diagnostics);
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

export interface SpecFiles {
  imported?: ImportedSpec;
  overlay: Overlay;
  sources: SourceMap;
}

/** Reads both layers. Missing overlay files are fine (an empty overlay); a missing imported layer is not. */
export async function readSpecFiles(specDir: string, cwd = process.cwd()): Promise<{ files: SpecFiles; diagnostics: Diagnostic[] }> {
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
  if (existsSync(join(importedDir, "service.json"))) {
    const service = (await readJson("importedService", join(importedDir, "service.json"), sources.service, diagnostics)) as ImportedService | undefined;
    const methods = existsSync(join(importedDir, "methods.json"))
      ? ((await readJson("importedMethods", join(importedDir, "methods.json"), sources.importedMethods, diagnostics)) as Record<string, MethodSpec> | undefined)
      : {};
    const resources: Record<string, ImportedResource> = {};
    const names = await listJson(join(importedDir, "resources"));
    // Read in parallel, then check in name order so diagnostics come out in a stable order.
    const texts = await Promise.all(names.map((name) => readFile(join(importedDir, "resources", name), "utf8")));
    for (const [i, name] of names.entries()) {
      const display = show(join(importedDir, "resources", name));
      const r = checkJson("importedResource", texts[i]!, display, diagnostics) as ImportedResource | undefined;
      if (!r) continue;
      if (`${r.name}.json` !== name) diagnostics.push(error("spec.file-name", `file holds resource "${r.name}" but is named ${name}`, { file: display, pointer: "/name" }));
      resources[r.name] = r;
      sources.importedResource.set(r.name, display);
    }
    if (service && methods) files.imported = { service, resources, methods };
  } else {
    diagnostics.push(error("spec.not-imported", "no imported layer: run `gemini-typekit import <discovery.json>` first", { file: sources.service }));
  }

  const overlayDir = join(specDir, OVERLAY_DIR);
  for (const name of await listJson(join(overlayDir, "resources"))) {
    const display = show(join(overlayDir, "resources", name));
    const r = (await readJson("overlayResource", join(overlayDir, "resources", name), display, diagnostics)) as OverlayResource | undefined;
    const key = name.slice(0, -5);
    if (r) overlay.resources[key] = r;
    sources.overlayResource.set(key, display);
  }
  for (const name of await listJson(join(overlayDir, "enums"))) {
    const display = show(join(overlayDir, "enums", name));
    const e = (await readJson("overlayEnum", join(overlayDir, "enums", name), display, diagnostics)) as OverlayEnum | undefined;
    const key = name.slice(0, -5);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(key)) diagnostics.push(error("spec.file-name", "enum file names are the enum's PascalCase name", { file: display }));
    if (e) overlay.enums[key] = e;
    sources.overlayEnum.set(key, display);
  }
  if (existsSync(join(overlayDir, "methods.json")))
    overlay.methods = ((await readJson("overlayMethods", join(overlayDir, "methods.json"), sources.overlayMethods, diagnostics)) as Record<string, string> | undefined) ?? {};
  if (existsSync(join(overlayDir, "corrections.json")))
    overlay.corrections = ((await readJson("overlayCorrections", join(overlayDir, "corrections.json"), sources.corrections, diagnostics)) as Corrections | undefined) ?? {};
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
