// The report as the API returns it, its CSV export (column names and figures stay English and plain
// numbers, for spreadsheets), and the words the page shows of it in the reader's language.
import type { AppRouter } from "@fivefold/api";
import {
  BUILT_IN_VERSION,
  builtInItems,
  type DimensionKey,
  findAction,
  spreadsheetCsv,
} from "@fivefold/domain";
import type { inferRouterOutputs } from "@trpc/server";
import i18next from "i18next";
import { currentLanguage, currentLocale } from "../i18n";
import { formatNumber } from "./format";

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

/** A score as people read it: two decimals in the page's locale (`3.40`, `3,40`), "—" where hidden. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : formatNumber(value, 2);
}

/** A list joined as the page's language writes it: "a, b and c", "a, b und c". */
export function listInWords(words: readonly string[]): string {
  return new Intl.ListFormat(currentLocale(), { type: "conjunction" }).format(words);
}

/** A dimension's name in the page's language: the five dimensions are fixed, whatever the version. */
export function dimensionName(key: DimensionKey): string {
  return i18next.t(`report:dimension.${key}`);
}

/** A figure group's name ("Peers", "Peers and direct reports together") in the page's language. */
export function groupLabel(group: { group: string; pooledFrom?: readonly string[] }): string {
  const members =
    group.pooledFrom ?? (group.group.startsWith("pool:") ? group.group.slice(5).split("+") : []);
  if (members.length === 0) return i18next.t(`report:group.${group.group}`);
  const words = members.map((member, index) =>
    index === 0 ? i18next.t(`report:group.${member}`) : i18next.t(`report:groupInList.${member}`),
  );
  return i18next.t("report:group.pool", { groups: listInWords(words) });
}

// The built-in version's German wording, by item id; an organisation's own versions send English only.
const GERMAN_V1 = new Map(builtInItems().map((item) => [item.key, item.text.de]));

/** A behaviour's wording in the page's language where the report's questionnaire has it. */
export function behaviourText(
  report: Pick<Report, "instrumentVersion">,
  itemId: string,
  english: string,
): string {
  if (currentLanguage() !== "de" || report.instrumentVersion !== BUILT_IN_VERSION) return english;
  return GERMAN_V1.get(itemId) ?? english;
}

/** A suggested action of the catalogue in the page's language, by its id (the API sends its English). */
export function suggestedActionText(id: string, english: string): string {
  return findAction(id)?.texts[currentLanguage()] ?? english;
}

/** The "everyone but self" figure's name: whom it leaves out, in the reader's words. */
export function everyoneButLabel(report: Report): string {
  return report.relation === "self"
    ? i18next.t("report:everyoneBut.you")
    : i18next.t("report:everyoneBut.name", { name: report.subject.name.split(" ")[0] });
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
  const words = HELD_ORDER.filter((g) => held.has(g)).map((g) => i18next.t(`report:held.${g}`));
  if (words.length === 0) return i18next.t("report:held.none");
  return listInWords(words);
}
