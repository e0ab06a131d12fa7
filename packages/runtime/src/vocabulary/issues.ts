// From violations to the library's issues: every kind's builder, from the family that reports it. The table is typed
// over the violation kinds, so a kind without a builder does not compile.
import type { Issue } from "../result.ts";
import { anyTypeIssues } from "./any-types.ts";
import { typeIssues } from "./json-types.ts";
import type { IssueBuilder, IssueSite } from "./keyword.ts";
import { objectIssues } from "./objects.ts";
import { rangeIssues } from "./scalars.ts";
import { stringIssues } from "./strings.ts";
import type { Violation, ViolationKind } from "./violations.ts";

const BUILDERS: { [K in ViolationKind]: IssueBuilder<Extract<Violation, { kind: K }>> } = {
  ...typeIssues,
  ...rangeIssues,
  ...stringIssues,
  ...objectIssues,
  ...anyTypeIssues,
};

/** The issue about one violation, its pointer into the validated value. */
export function issueOf(violation: Violation, site: IssueSite): Issue {
  return (BUILDERS[violation.kind] as IssueBuilder<Violation>)(violation, site);
}
