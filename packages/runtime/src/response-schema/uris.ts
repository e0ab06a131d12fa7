// `uri` and `uri-reference` (JSON Schema 2020-12 section 7.3.5), from RFC 3986's grammar (sections 3 and 4.1): the
// reference is cut into its components the way the RFC's appendix B does, then each is held to its own rule.
import { isIpv6 } from "./hosts.ts";

const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";

/** A whole string of characters from `chars` (the inside of a character class) and percent-encodings (`%` and two hex digits). */
const runOf = (chars: string): RegExp => new RegExp(`^(?:[${chars}]|%[0-9A-Fa-f]{2})*$`);

const SCHEME = /^[A-Za-z][A-Za-z0-9+\-.]*$/;
const USERINFO = runOf(`${UNRESERVED}${SUB_DELIMS}:`);
/** reg-name; it holds every IPv4address too, so a host without brackets needs no other test. */
const REG_NAME = runOf(`${UNRESERVED}${SUB_DELIMS}`);
const PORT = /^[0-9]*$/;
const IP_FUTURE = new RegExp(`^[Vv][0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+$`);
/** Segments of pchar joined by `/`: every path form once the cut below has placed it. */
const PATH = runOf(`${UNRESERVED}${SUB_DELIMS}:@/`);
const QUERY_OR_FRAGMENT = runOf(`${UNRESERVED}${SUB_DELIMS}:@/?`);

/** authority = [ userinfo "@" ] host [ ":" port ], host being an IP-literal in brackets or a reg-name. */
function isAuthority(authority: string): boolean {
  // Neither userinfo nor host holds `@`: the first one ends the userinfo, and another makes the host fail.
  const at = authority.indexOf("@");
  if (at >= 0 && !USERINFO.test(authority.slice(0, at))) return false;
  const hostPort = authority.slice(at + 1);
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close < 0) return false;
    const literal = hostPort.slice(1, close);
    const rest = hostPort.slice(close + 1);
    return (
      (isIpv6(literal) || IP_FUTURE.test(literal)) && (rest === "" || (rest[0] === ":" && PORT.test(rest.slice(1))))
    );
  }
  // A reg-name holds no `:`: the first one starts the port.
  const colon = hostPort.indexOf(":");
  return colon < 0
    ? REG_NAME.test(hostPort)
    : REG_NAME.test(hostPort.slice(0, colon)) && PORT.test(hostPort.slice(colon + 1));
}

/** A URI reference's components, cut as RFC 3986 appendix B does; undefined for those it lacks. */
interface Components {
  scheme: string | undefined;
  authority: string | undefined;
  path: string;
  query: string | undefined;
  fragment: string | undefined;
}

function cut(s: string): Components {
  let rest = s;
  let fragment: string | undefined;
  let query: string | undefined;
  const hash = rest.indexOf("#");
  if (hash >= 0) [rest, fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  const question = rest.indexOf("?");
  if (question >= 0) [rest, query] = [rest.slice(0, question), rest.slice(question + 1)];
  // A scheme is what comes before a first `:` that no `/` precedes.
  let scheme: string | undefined;
  const colon = rest.indexOf(":");
  const slash = rest.indexOf("/");
  if (colon > 0 && (slash < 0 || colon < slash)) [scheme, rest] = [rest.slice(0, colon), rest.slice(colon + 1)];
  let authority: string | undefined;
  if (rest.startsWith("//")) {
    const end = rest.indexOf("/", 2);
    [authority, rest] = end < 0 ? [rest.slice(2), ""] : [rest.slice(2, end), rest.slice(end)];
  }
  return { scheme, authority, path: rest, query, fragment };
}

/**
 * uri-reference: a URI, or a relative reference. Once cut, the path's form follows from what precedes it (after an
 * authority it is empty or starts with `/`; without one it cannot start with `//`); what is left to check is that a
 * relative path's first segment holds no `:` (it would read as a scheme).
 */
export function isUriReference(s: string): boolean {
  const { scheme, authority, path, query, fragment } = cut(s);
  if (scheme !== undefined && !SCHEME.test(scheme)) return false;
  if (scheme === undefined && authority === undefined && path.split("/", 1)[0]!.includes(":")) return false;
  return (
    (authority === undefined || isAuthority(authority)) &&
    PATH.test(path) &&
    (query === undefined || QUERY_OR_FRAGMENT.test(query)) &&
    (fragment === undefined || QUERY_OR_FRAGMENT.test(fragment))
  );
}

/** uri: a URI reference with a scheme (RFC 3986's URI, absolute). */
export const isUri = (s: string): boolean => cut(s).scheme !== undefined && isUriReference(s);
