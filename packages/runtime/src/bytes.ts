// The check of a bytes field (base64, standard or URL-safe alphabet, optionally padded), for the fast-path checkers
// (generated/validators/fast.js imports it) and the reference checker alike: whole for values up to FULL_CHECK_LIMIT
// characters, spot-checked beyond — the length, and WINDOWS evenly spaced windows of WINDOW characters including both
// ends. A regular expression reads base64 at about the speed JSON.parse reads it, and bytes fields (inline media,
// thought signatures) are most of a response's bytes: a full scan would cost more than the rest of validation
// together. The spot check still catches what goes wrong in practice — text that is not base64 at all, a value cut
// short — and the API rejects corrupt media itself. The tests' ajv oracle has its own copy of this check
// (test/support/ajv-keywords.ts); test/generate/validator-keywords.test.ts holds the two equal.

/** Characters checked in full; longer values are spot-checked. */
export const FULL_CHECK_LIMIT = 256;
const WINDOWS = 8;
const WINDOW = 32;
/** The published schemas' base64 pattern (packages/tools/src/generate/wire-formats.ts BASE64_PATTERN). */
export const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function isBase64Bytes(s: string): boolean {
  const n = s.length;
  if (n <= FULL_CHECK_LIMIT) return BASE64.test(s);
  if (n % 4 === 1) return false;
  for (let k = 0; k < WINDOWS; k++) {
    const at = Math.floor(((n - WINDOW) * k) / (WINDOWS - 1));
    if (!BASE64.test(s.slice(at, at + WINDOW))) return false;
  }
  return true;
}
