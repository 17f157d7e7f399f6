// The report as the API returns it, and its CSV export.
import type { AppRouter } from "@fivefold/api";
import { spreadsheetCsv } from "@fivefold/domain";
import type { inferRouterOutputs } from "@trpc/server";

export type Report = inferRouterOutputs<AppRouter>["reports"]["get"];

/** Every shown figure as one CSV row: dimension, behaviour, who, mean, n, counts per scale point. */
export function reportCsv(report: Report): string {
  const rows: Array<Array<string | number | null>> = [
    ["dimension", "behaviour", "figure", "mean", "n", "score_1", "score_2", "score_3", "score_4", "score_5"],
  ];
  for (const d of report.dimensions) {
    const scopes = [
      { behaviour: "(all behaviours)", figures: d },
      ...d.items.map((i) => ({ behaviour: i.text, figures: i })),
    ];
    for (const { behaviour, figures } of scopes) {
      if (figures.others)
        rows.push([
          d.name,
          behaviour,
          "Everyone but self",
          figures.others.mean,
          figures.others.n,
          ...figures.others.distribution,
        ]);
      for (const g of figures.groups) rows.push([d.name, behaviour, g.label, g.mean, g.n, ...g.distribution]);
      if (figures.manager !== null)
        rows.push([d.name, behaviour, "Manager", figures.manager, 1, null, null, null, null, null]);
      if (figures.self !== null)
        rows.push([d.name, behaviour, "Self", figures.self, 1, null, null, null, null, null]);
    }
  }
  return spreadsheetCsv(rows);
}

export function download(filename: string, text: string, type = "text/csv"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

const HELD_ORDER = ["manager", "peer", "direct_report", "other"] as const;
const HELD_WORDS: Record<(typeof HELD_ORDER)[number], string> = {
  manager: "the manager",
  peer: "peers",
  direct_report: "direct reports",
  other: "others",
};

/** The "everyone but self" figure's name: whom it leaves out, in the reader's words. */
export function everyoneButLabel(report: Report): string {
  return report.relation === "self"
    ? "Everyone but you"
    : `Everyone but ${report.subject.name.split(" ")[0]}`;
}

/**
 * The groups the "everyone but self" figure holds, as words ("the manager, peers and direct
 * reports"): the manager is in it although also shown apart, and the page says so where it is.
 */
export function everyoneButHolds(report: Report): string {
  const held = new Set<string>();
  for (const g of report.groups) {
    // As "Who answered" lists them: groups someone was invited to or answered in, and pools.
    const present = (g.invited ?? 0) > 0 || (g.answered ?? 0) > 0 || g.pooledFrom !== undefined;
    if (g.group === "self" || !present) continue;
    for (const member of g.pooledFrom ?? (g.group.startsWith("pool:") ? [] : [g.group])) held.add(member);
  }
  const words = HELD_ORDER.filter((g) => held.has(g)).map((g) => HELD_WORDS[g]);
  if (words.length <= 1) return words[0] ?? "the raters";
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
