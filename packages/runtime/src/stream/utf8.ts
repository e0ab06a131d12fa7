// UTF-8 byte arithmetic on decoded text, so every location the stream parser reports is a byte offset of the
// original input even though the parser itself works on strings.

/**
 * Bytes that `text.slice(from, to)` takes in UTF-8. A surrogate pair is one 4-byte code point; a lone surrogate
 * counts 3, as TextEncoder writes it (U+FFFD). Callers never cut between the halves of a pair: they only slice at
 * ASCII characters.
 */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Allowed range of the second byte for each lead byte (RFC 3629 §4: no overlongs, no surrogates, ≤ U+10FFFF). */
function secondByteRange(lead: number): [number, number, number] | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return undefined;
}

/**
 * Index of the first byte of the first invalid UTF-8 sequence in `bytes`, or -1. A sequence cut short by the end
 * of `bytes` is not invalid (its rest may be in the next chunk). Only called once a fatal TextDecoder has failed,
 * to turn "somewhere in this chunk" into an exact offset.
 */
export function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const range = secondByteRange(lead);
    if (!range) return i;
    const [size, low, high] = range;
    for (let k = 1; k < size; k++) {
      if (i + k >= bytes.length) return -1;
      const b = bytes[i + k]!;
      if (k === 1 ? b < low || b > high : b < 0x80 || b > 0xbf) return i;
    }
    i += size;
  }
  return -1;
}
