// Access to ../shared (Google's upstream documents and real recorded payloads). Tests that need it skip, with a
// message saying why, when it is absent.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SHARED_DIR = join(PROJECT_ROOT, "..", "shared");
export const hasShared = existsSync(join(SHARED_DIR, "upstream", "discovery"));

export const UPSTREAM = {
  discovery: join(SHARED_DIR, "upstream/discovery/generativelanguage.v1beta.20260325.json"),
  discovery20251028: join(SHARED_DIR, "upstream/discovery/history/generativelanguage.v1beta.20251028.json"),
  discovery20250612: join(SHARED_DIR, "upstream/discovery/history/generativelanguage.v1beta.20250612.json"),
  protos: join(SHARED_DIR, "upstream/protos/v1beta"),
  openapi: join(SHARED_DIR, "upstream/openapi3/generativelanguage.v1beta.google-openapi3.20251006.json"),
};

if (!hasShared)
  console.warn(`[gemini-typekit tests] ${SHARED_DIR} is absent: tests on upstream documents are skipped.`);
