// Who reads the organisation view (DESIGN §1, §4 rule 7): an analyst, who reads aggregates only, or
// an admin where the organisation lets admins read reports. A reader's own report, and the reports
// they may read one by one, are known values to them: the view never lets those count towards k.
export function mayReadOrganisationView(roles: readonly string[], adminsReadReports: boolean): boolean {
  return roles.includes("analyst") || (roles.includes("admin") && adminsReadReports);
}

/**
 * The reports this reader knows one by one: their own, their direct reports', the people they coach
 * and those whose requests they made. A reader who may read every report (an admin who reads
 * reports) learns nothing from aggregates, so for them, as for a reader with no relations, nothing
 * is known and the view is the one every reader sees.
 */
export function knownReports(input: {
  readerId: string;
  readsEveryReport: boolean;
  directReportIds: readonly string[];
  coacheeIds: readonly string[];
  requestedSubjectIds: readonly string[];
}): Set<string> {
  if (input.readsEveryReport) return new Set();
  return new Set([
    input.readerId,
    ...input.directReportIds,
    ...input.coacheeIds,
    ...input.requestedSubjectIds,
  ]);
}
