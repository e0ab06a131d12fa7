// `format`, written here from the specifications it names. Three outcomes for a format name:
// - checked: the formats Gemini documents for responseJsonSchema (`date-time`, `date`, `time`: RFC 3339 section 5.6),
//   those zod and pydantic write into schemas (`email`: RFC 5321's Mailbox; `hostname`: RFC 1123; `ipv4`; `ipv6`: RFC
//   4291; `uri`, `uri-reference`: RFC 3986; `uuid`), and a few with a short, exact definition (`duration`, OpenAPI's
//   `byte`, `int32`, `int64`). hosts.ts and uris.ts hold the host, mailbox and URI grammars;
// - not enforced: every other format JSON Schema 2020-12 defines (`iri`, `uri-template`, `json-pointer`, `regex`, the
//   `idn-` ones…) and the extra names ajv-formats checked (`url`, `iso-date-time`…). A string it applies to is
//   reported as not checked (the error keyword `unenforced`, as for formatMinimum and its kin below), so a value is
//   never called valid for a format nobody looked at;
// - annotation: the names that constrain nothing a JSON value can show (`float`, `double`: any number is one as far
//   as JSON goes; `password`, `binary`; Gemini's `enum`, which the `enum` keyword next to it checks), and names in
//   neither list, which JSON Schema makes annotations.
//
// Choices where the specifications leave room (each with a row in test/runtime/response-schema.test.ts):
// - date-time separates date and time with `T` or `t` only. RFC 3339 mentions a space as something applications may
//   choose, but its grammar, which JSON Schema points to, has no space.
// - time offsets are `Z`, `z` or ±hh:mm, as RFC 3339's grammar has them (not ±hhmm nor ±hh).
// - a leap second (second 60) is accepted where the time is 23:59 in UTC once its offset is taken off, on any day.
//   RFC 3339 section 5.7 puts it at the end of a month that has one, at the same instant in every offset; the checker
//   keeps the instant and not the month, as which months get one is announced, not computed.
// - duration reads RFC 3339 appendix A's grammar the way ISO 8601 means it: components in the order Y M D, T, H M S,
//   each optional, at least one, and at least one after T; weeks alone; whole numbers; upper-case designators
//   (ISO 8601's; the grammar's nesting, read literally, would refuse `P1Y1D` and `PT1H5S`).
// - uuid is RFC 4122's textual form only (no `urn:uuid:` prefix), any version, either case.
// - int64 is a whole number from -2^63 to 2^63: 2^63 - 1 written in JSON reads as the double 2^63.
// - email is RFC 5321's Mailbox in ASCII (UTF-8 addresses are idn-email's): a dot-string or a quoted string, `@`, and
//   a domain or an address literal. The domain is LDH labels of 1–63 characters, 253 in all (the DNS's limits); one
//   label is enough (`joe@localhost`), and all-digit labels are allowed (RFC 5321's grammar has them). An address
//   literal is an IPv4 address (leading zeros allowed, as its Snum has them) or `IPv6:` and an IPv6 address whose
//   `::` stands for two groups or more; RFC 5321's general address literal is refused, its tag having to be one IANA
//   registered, and IPv6 is the only one. The local part's length is not limited: RFC 5321's 64 octets are what a
//   server must accept, not what an address may be.
// - hostname is LDH labels as for email, without a trailing dot (RFC 1123's grammar has none), and not ending in an
//   all-digit label: RFC 1123 says the highest-level label is never all digits, so that no host name reads as an
//   IPv4 address. Punycode labels (`xn--…`) are LDH labels and pass as they are, without being decoded.
// - ipv6 has no zone id (`%eth0`) nor prefix length: RFC 4291's text forms have neither. Its dotted quad, as ipv4,
//   has no leading zeros (RFC 3986's dec-octet).
// - uri and uri-reference are RFC 3986's grammar in ASCII (other characters are iri's), percent-encodings with two
//   hex digits, an IP literal in brackets holding an IPv6 address or an IPvFuture (`v1.x`), no zone id; a host
//   without brackets is a reg-name, so `999.1.1.1` is a host. A port is any digits (no limit in RFC 3986).
import { isEmail, isHostname, isIpv4, isIpv6 } from "./hosts.ts";
import type { Keyword } from "./keywords.ts";
import { hasOwn, report, type Messages, type Rule } from "./types.ts";
import { isUri, isUriReference } from "./uris.ts";

export type FormatKeyword =
  "format" | "formatMinimum" | "formatMaximum" | "formatExclusiveMinimum" | "formatExclusiveMaximum";

/** What the checker does with a format name. */
type Format =
  | { kind: "string"; test: (s: string) => boolean }
  | { kind: "number"; test: (n: number) => boolean }
  | { kind: "unenforced" }
  | { kind: "annotation" };

// ---------------------------------------------------------------------------------------------------------------
// Reading fixed-width ASCII fields.

/** The value of the `width` ASCII digits of `s` at `from`; -1 when one of them is not a digit (or `s` ends before). */
function digitsAt(s: string, from: number, width: number): number {
  let value = 0;
  for (let i = from; i < from + width; i++) {
    const code = s.charCodeAt(i);
    if (!(code >= 0x30 && code <= 0x39)) return -1;
    value = value * 10 + (code - 0x30);
  }
  return value;
}

const isDigitAt = (s: string, i: number): boolean => digitsAt(s, i, 1) >= 0;

// ---------------------------------------------------------------------------------------------------------------
// RFC 3339 section 5.6.

const isLeapYear = (year: number): boolean => year % 400 === 0 || (year % 100 !== 0 && year % 4 === 0);

/** Days of a month of the Gregorian calendar: 30 for April, June, September and November, 28 or 29 for February. */
function daysIn(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const FULL_DATE_LENGTH = 10;

/** full-date (YYYY-MM-DD) at `from`: a month 01–12 and a day that month has. */
function isFullDateAt(s: string, from: number): boolean {
  if (s[from + 4] !== "-" || s[from + 7] !== "-") return false;
  const year = digitsAt(s, from, 4);
  const month = digitsAt(s, from + 5, 2);
  const day = digitsAt(s, from + 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

const MINUTES_PER_DAY = 24 * 60;
const LAST_MINUTE_OF_DAY = MINUTES_PER_DAY - 1;

/**
 * full-time from `from` to the end of `s`: hh:mm:ss (hours 00–23, minutes 00–59), an optional fraction (`.` and at
 * least one digit), then the offset: `Z`, `z`, or `+`/`-` hh:mm. Second 60 only at 23:59 UTC (see the header).
 */
function isFullTimeAt(s: string, from: number): boolean {
  if (s[from + 2] !== ":" || s[from + 5] !== ":") return false;
  const hour = digitsAt(s, from, 2);
  const minute = digitsAt(s, from + 3, 2);
  const second = digitsAt(s, from + 6, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  let i = from + 8;
  if (s[i] === ".") {
    const first = ++i;
    while (isDigitAt(s, i)) i++;
    if (i === first) return false;
  }
  let offsetMinutes: number;
  const sign = s[i];
  if (sign === "Z" || sign === "z") {
    offsetMinutes = 0;
    i += 1;
  } else if (sign === "+" || sign === "-") {
    if (s[i + 3] !== ":") return false;
    const hours = digitsAt(s, i + 1, 2);
    const minutes = digitsAt(s, i + 4, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
    offsetMinutes = (sign === "-" ? -1 : 1) * (hours * 60 + minutes);
    i += 6;
  } else {
    return false;
  }
  if (i !== s.length) return false;
  if (second < 60) return true;
  const utcMinute = (((hour * 60 + minute - offsetMinutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return utcMinute === LAST_MINUTE_OF_DAY;
}

const isDate = (s: string): boolean => s.length === FULL_DATE_LENGTH && isFullDateAt(s, 0);
const isTime = (s: string): boolean => isFullTimeAt(s, 0);
const isDateTime = (s: string): boolean =>
  (s[FULL_DATE_LENGTH] === "T" || s[FULL_DATE_LENGTH] === "t") &&
  isFullDateAt(s, 0) &&
  isFullTimeAt(s, FULL_DATE_LENGTH + 1);

// ---------------------------------------------------------------------------------------------------------------
// duration (RFC 3339 appendix A, as JSON Schema 2020-12 section 7.3.1 uses it).

const DATE_DESIGNATORS = "YMD";
const TIME_DESIGNATORS = "HMS";

function isDuration(s: string): boolean {
  if (s[0] !== "P") return false;
  // dur-week: a number of weeks and nothing else.
  if (s.endsWith("W")) {
    let i = 1;
    while (isDigitAt(s, i)) i++;
    return i > 1 && i === s.length - 1;
  }
  let allowed = DATE_DESIGNATORS;
  let inTime = false;
  let components = 0;
  let i = 1;
  while (i < s.length) {
    if (s[i] === "T") {
      if (inTime) return false;
      inTime = true;
      allowed = TIME_DESIGNATORS;
      i++;
      if (!isDigitAt(s, i)) return false;
      continue;
    }
    const first = i;
    while (isDigitAt(s, i)) i++;
    if (i === first) return false;
    const designator = s[i];
    const at = designator === undefined ? -1 : allowed.indexOf(designator);
    if (at < 0) return false;
    // Each designator once, in order: what may follow is what comes after it.
    allowed = allowed.slice(at + 1);
    components++;
    i++;
  }
  return components > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// uuid, byte.

/** An ASCII hex digit, either case (RFC 4122: "case insensitive on input"). */
const isHexAt = (s: string, i: number): boolean => {
  const c = s[i] ?? "";
  return (c >= "0" && c <= "9") || (c >= "a" && c <= "f") || (c >= "A" && c <= "F");
};

/** RFC 4122 section 3's UUID: hex groups of 8, 4, 4, 4 and 12 digits joined by `-`. */
const UUID_HYPHENS = [8, 13, 18, 23];
const UUID_LENGTH = 36;
function isUuid(s: string): boolean {
  if (s.length !== UUID_LENGTH) return false;
  for (let i = 0; i < UUID_LENGTH; i++) if (UUID_HYPHENS.includes(i) ? s[i] !== "-" : !isHexAt(s, i)) return false;
  return true;
}

/** RFC 4648 section 4: groups of four characters of the base 64 alphabet, the last group padded with one or two `=`. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (s: string): boolean => s.length % 4 === 0 && BASE64.test(s);

// ---------------------------------------------------------------------------------------------------------------
// The table.

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_LIMIT = 2 ** 63;

const string = (test: (s: string) => boolean): Format => ({ kind: "string", test });
const number = (test: (n: number) => boolean): Format => ({ kind: "number", test });
const unchecked: Format = { kind: "unenforced" };
const annotation: Format = { kind: "annotation" };

const FORMATS: Record<string, Format> = {
  "date-time": string(isDateTime),
  date: string(isDate),
  time: string(isTime),
  duration: string(isDuration),
  uuid: string(isUuid),
  ipv4: string(isIpv4),
  ipv6: string(isIpv6),
  hostname: string(isHostname),
  email: string(isEmail),
  uri: string(isUri),
  "uri-reference": string(isUriReference),
  byte: string(isBase64),
  int32: number((n) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX),
  int64: number((n) => Number.isInteger(n) && n >= -INT64_LIMIT && n <= INT64_LIMIT),
  // JSON Schema 2020-12 section 7.3.
  "idn-email": unchecked,
  "idn-hostname": unchecked,
  iri: unchecked,
  "iri-reference": unchecked,
  "uri-template": unchecked,
  "json-pointer": unchecked,
  "relative-json-pointer": unchecked,
  regex: unchecked,
  // ajv-formats' own names, checked by the ajv setup this checker replaced.
  "iso-time": unchecked,
  "iso-date-time": unchecked,
  url: unchecked,
  "json-pointer-uri-fragment": unchecked,
  float: annotation,
  double: annotation,
  password: annotation,
  binary: annotation,
  enum: annotation,
};

/** formatMinimum and its kin (ajv-formats' comparisons of dates and times): not implemented. */
const unenforced: Rule<Keyword> = { kind: "unenforced", appliesTo: (v) => typeof v === "string" };

export const formatRules: { [K in FormatKeyword]: Rule<Keyword> } = {
  format: {
    kind: "assert",
    prepare(value, scope) {
      if (typeof value !== "string") return scope.invalid("format", "a string");
      // A name in no list is an annotation, as JSON Schema has unknown formats.
      const format = (hasOwn(FORMATS, value) && FORMATS[value]) || annotation;
      const path = scope.path("format");
      switch (format.kind) {
        case "string": {
          const { test } = format;
          const params = { format: value };
          return (v, at, out) => {
            if (typeof v === "string" && !test(v)) report(out, "format", at, path, params);
          };
        }
        case "number": {
          const { test } = format;
          const params = { format: value };
          return (v, at, out) => {
            if (typeof v === "number" && !test(v)) report(out, "format", at, path, params);
          };
        }
        case "unenforced": {
          const params = { keyword: "format", format: value };
          return (v, at, out) => {
            if (typeof v === "string") report(out, "unenforced", at, path, params);
          };
        }
        case "annotation":
          return undefined;
      }
    },
  },
  formatMinimum: unenforced,
  formatMaximum: unenforced,
  formatExclusiveMinimum: unenforced,
  formatExclusiveMaximum: unenforced,
};

export const formatMessages: Messages<"format"> = {
  format: ({ format }) => `must match format "${format}"`,
};
