// The formats that name a host or a mailbox, written from their specifications: `ipv4`, `ipv6`, `hostname` and
// `email` (JSON Schema 2020-12 sections 7.3.2–7.3.4). Each is a test of a whole string; formats.ts says which format
// uses which, and its header lists the choices made where a specification leaves room.

/** RFC 3986's dec-octet: 0–255 in decimal, without leading zeros. */
const DEC_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
const DOTTED_QUAD = new RegExp(`^${DEC_OCTET}(?:\\.${DEC_OCTET}){3}$`);

/** ipv4: a dotted quad of four decimal numbers 0–255, written without leading zeros. */
export const isIpv4 = (s: string): boolean => DOTTED_QUAD.test(s);

/** RFC 5321's Snum quad (an email address literal): 1 to 3 digits for each of 0–255, so leading zeros are allowed. */
function isSnumQuad(s: string): boolean {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((part) => /^[0-9]{1,3}$/.test(part) && Number(part) <= 255);
}

const H16 = /^[0-9A-Fa-f]{1,4}$/;
const GROUPS = 8;

/**
 * An IPv6 address in text: groups of 1–4 hex digits joined by `:`, eight in all, a dotted quad standing for the last
 * two; `::` once at most, standing for `leastElided` or more groups of zeros (one in RFC 4291 and RFC 3986, two in
 * RFC 5321), so the groups written are fewer.
 */
function isIpv6Text(s: string, isQuad: (s: string) => boolean, leastElided: number): boolean {
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const pieces = halves.map((half) => (half === "" ? [] : half.split(":")));
  let groups = 0;
  // Only the last piece of the last half may be a dotted quad.
  const last = pieces[pieces.length - 1]!;
  if (last.length > 0 && last[last.length - 1]!.includes(".")) {
    if (!isQuad(last.pop()!)) return false;
    groups += 2;
  }
  for (const half of pieces) {
    if (!half.every((piece) => H16.test(piece))) return false;
    groups += half.length;
  }
  return halves.length === 1 ? groups === GROUPS : groups <= GROUPS - leastElided;
}

/** ipv6: RFC 4291 section 2.2's text forms (RFC 3986's IPv6address), without a zone id or a prefix length. */
export const isIpv6 = (s: string): boolean => isIpv6Text(s, isIpv4, 1);

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const MAX_NAME_LENGTH = 253;

/** Labels of letters, digits and hyphens (1–63 characters, no hyphen at either end) joined by `.`, 253 in all at most. */
const isLdhName = (s: string): boolean =>
  s.length <= MAX_NAME_LENGTH && s.split(".").every((label) => LABEL.test(label));

/**
 * hostname: RFC 1123 section 2.1's host name. Its grammar is the LDH name's, and it adds that the highest-level label
 * is never all digits (so `192.0.2.1` is no host name).
 */
export const isHostname = (s: string): boolean => isLdhName(s) && !/(?:^|\.)[0-9]+$/.test(s);

/** RFC 5322's atext, as RFC 5321's Atom uses it. */
const ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]";
const DOT_STRING = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*$`);
/** RFC 5321's Quoted-string: printable ASCII between double quotes, `"` and `\` only escaped by a backslash. */
const QUOTED_STRING = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;

/**
 * RFC 5321's address-literal: an IPv4 address, or `IPv6:` (in any case, as ABNF literals are) and an IPv6 address.
 * A General-address-literal is refused: its tag must be registered with IANA, and only IPv6 is.
 */
function isAddressLiteral(s: string): boolean {
  if (!s.startsWith("[") || !s.endsWith("]")) return false;
  const inner = s.slice(1, -1);
  return /^ipv6:/i.test(inner) ? isIpv6Text(inner.slice("IPv6:".length), isSnumQuad, 2) : isSnumQuad(inner);
}

/**
 * email: RFC 5321 section 4.1.2's Mailbox: a local part (a dot-string or a quoted string) `@` a domain (an LDH name
 * that may end in digits) or an address literal.
 */
export function isEmail(s: string): boolean {
  // Neither a domain nor an address literal holds `@`; a quoted local part may.
  const at = s.lastIndexOf("@");
  if (at < 0) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  return (DOT_STRING.test(local) || QUOTED_STRING.test(local)) && (isLdhName(domain) || isAddressLiteral(domain));
}
