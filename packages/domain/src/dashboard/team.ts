// A team's dashboard: where the team stands on the five dimensions, whose plan is moving and who
// needs attention. Team figures obey DESIGN §4 rule 7: a figure is shown only when at least k
// people, each with a released report, stand behind it.
import { DAY_MS, formatDay } from "../dates";
import { DIMENSION_KEYS, type DimensionKey, findDimension, getInstrument } from "../instrument";

export type DimensionCells = Record<DimensionKey, number | null>;

export interface TeamPersonInput {
  personId: string;
  name: string;
  /** The latest released report in scope: others-means per dimension and self-views. */
  latest: {
    requestId: string;
    releasedAt: string;
    others: DimensionCells;
    self: DimensionCells;
  } | null;
  /** Why there is no report, when there is none (e.g. "Collecting answers until 12 Dec"). */
  blankReason?: string;
  /** The person's most recent request closed with too few answers (and nothing released since). */
  lastRequestInsufficient: boolean;
  plan: {
    state: "draft" | "active" | "closed";
    progress: number;
    lastCheckinAt: string | null;
    overdue: boolean;
    publishedAt: string | null;
  } | null;
}

export interface TeamFigure {
  mean: number;
  /** People (not raters) behind the figure. */
  people: number;
  /** People per rounded scale point 1..5. */
  distribution: [number, number, number, number, number];
}

/** A reason for attention as data, so each language writes it (the web's `dashboard:why`). */
export type AttentionReason =
  | { code: "overdue" }
  | { code: "stalled"; days: number }
  | { code: "insufficient" }
  | { code: "blindSpot"; gap: number; dimension: DimensionKey; more: number };

export interface AttentionItem {
  personId: string;
  /** The reasons in English. */
  reasons: string[];
  why: AttentionReason[];
}

/** One reason in the dashboard's English words. */
export function attentionSentence(reason: AttentionReason): string {
  switch (reason.code) {
    case "overdue":
      return "A check-in on their plan is overdue";
    case "stalled":
      return `Their plan has stalled: no check-in for ${reason.days} days`;
    case "insufficient":
      return "Their last feedback request closed with too few answers for a report";
    case "blindSpot":
      return `A large blind spot: they rate themselves ${reason.gap.toFixed(1)} points above others on ${findDimension(getInstrument(), reason.dimension).name}${reason.more > 0 ? ` (and ${reason.more} more)` : ""}`;
  }
}

export interface DashboardRules {
  /** A self-view this far above others' view is a large blind spot. Default 1.5. */
  blindSpotGap?: number;
  /** An active plan without a check-in for this many days is stalled. Default 30. */
  stalledAfterDays?: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Per dimension the mean over people with a report, or null when fewer than k people stand behind it. */
export function teamProfile(
  people: readonly Pick<TeamPersonInput, "latest">[],
  threshold: number,
): Record<DimensionKey, TeamFigure | null> {
  const profile = {} as Record<DimensionKey, TeamFigure | null>;
  for (const key of DIMENSION_KEYS) {
    const values = people.map((p) => p.latest?.others[key]).filter((v): v is number => typeof v === "number");
    if (values.length < threshold) {
      profile[key] = null;
      continue;
    }
    const distribution: TeamFigure["distribution"] = [0, 0, 0, 0, 0];
    for (const value of values) {
      const point = Math.min(5, Math.max(1, Math.round(value)));
      distribution[point - 1] = (distribution[point - 1] ?? 0) + 1;
    }
    profile[key] = {
      mean: round2(values.reduce((a, b) => a + b, 0) / values.length),
      people: values.length,
      distribution,
    };
  }
  return profile;
}

/** Who needs a coach's attention, and why, in plain words. */
export function attentionList(
  people: readonly TeamPersonInput[],
  now: Date,
  rules: DashboardRules = {},
): AttentionItem[] {
  const blindSpotGap = rules.blindSpotGap ?? 1.5;
  const stalledAfterDays = rules.stalledAfterDays ?? 30;
  const items: AttentionItem[] = [];
  for (const person of people) {
    const why: AttentionReason[] = [];
    if (person.plan?.state === "active" && person.plan.overdue) why.push({ code: "overdue" });
    if (person.plan?.state === "active") {
      const since = person.plan.lastCheckinAt ?? person.plan.publishedAt;
      const idle = since ? (now.getTime() - new Date(since).getTime()) / DAY_MS : 0;
      if (idle >= stalledAfterDays) {
        why.push({ code: "stalled", days: Math.floor(idle) });
      }
    }
    if (person.lastRequestInsufficient) {
      why.push({ code: "insufficient" });
    }
    if (person.latest) {
      const latest = person.latest;
      const gaps = DIMENSION_KEYS.flatMap((key) => {
        const self = latest.self[key];
        const others = latest.others[key];
        return self !== null && others !== null && self - others >= blindSpotGap
          ? [{ key, gap: self - others }]
          : [];
      }).sort((a, b) => b.gap - a.gap || a.key.localeCompare(b.key));
      const first = gaps[0];
      if (first) {
        why.push({ code: "blindSpot", gap: round2(first.gap), dimension: first.key, more: gaps.length - 1 });
      }
    }
    if (why.length > 0) items.push({ personId: person.personId, reasons: why.map(attentionSentence), why });
  }
  return items;
}

export interface CycleSlice {
  cycleId: string;
  name: string;
  startsOn: string;
  people: readonly Pick<TeamPersonInput, "latest">[];
}

/** The team profile per cycle, oldest first; a point is null where fewer than k people stand behind it. */
export function teamTrend(cycles: readonly CycleSlice[], threshold: number) {
  return [...cycles]
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.cycleId.localeCompare(b.cycleId))
    .map((cycle) => {
      const profile = teamProfile(cycle.people, threshold);
      return {
        cycleId: cycle.cycleId,
        name: cycle.name,
        startsOn: cycle.startsOn,
        means: Object.fromEntries(
          DIMENSION_KEYS.map((key) => [
            key,
            profile[key] ? { mean: profile[key].mean, people: profile[key].people } : null,
          ]),
        ) as Record<DimensionKey, { mean: number; people: number } | null>,
      };
    });
}

/** Heatmap sort: by a dimension (blanks last) or by name, stable by name then id. */
export function sortHeatmap<T extends { name: string; personId: string; cells: DimensionCells }>(
  rows: readonly T[],
  by: DimensionKey | "name",
  direction: "asc" | "desc",
): T[] {
  const factor = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (by !== "name") {
      const x = a.cells[by];
      const y = b.cells[by];
      if (x === null && y !== null) return 1;
      if (y === null && x !== null) return -1;
      if (x !== null && y !== null && x !== y) return (x - y) * factor;
    } else {
      const byName = a.name.localeCompare(b.name) * factor;
      if (byName !== 0) return byName;
    }
    return a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId);
  });
}

export interface BlankCellsFacts {
  /** The dashboard is filtered to one cycle. */
  readonly cycleFiltered: boolean;
  /** The deadline of a request collecting answers now, a calendar day (YYYY-MM-DD). */
  readonly collectingUntil: string | null;
  /** Why a released report (in the cycle, when filtered) is not shared with this viewer, if one is not. */
  readonly withheld: "requested-by-someone-else" | "rated-it" | null;
  readonly lastInsufficient: boolean;
}

/** Why a heatmap row is blank, as data (the web's `dashboard:blank`): `until` for `collecting`. */
export type BlankCells = {
  code: "requested-by-someone-else" | "rated-it" | "not-in-cycle" | "collecting" | "insufficient" | "none";
  until: string | null;
};

export function blankCells(facts: BlankCellsFacts): BlankCells {
  const code: BlankCells["code"] = facts.withheld
    ? facts.withheld
    : facts.cycleFiltered
      ? "not-in-cycle"
      : facts.collectingUntil
        ? "collecting"
        : facts.lastInsufficient
          ? "insufficient"
          : "none";
  return { code, until: code === "collecting" ? facts.collectingUntil : null };
}

/** Why a person's heatmap row is blank, in the dashboard's English words. */
export function blankCellsReason(facts: BlankCellsFacts): string {
  const blank = blankCells(facts);
  switch (blank.code) {
    case "requested-by-someone-else":
      return "Their report was requested by someone else, so it is not shared with you";
    case "rated-it":
      return "You rated them anonymously, so their report is not shared with you";
    case "not-in-cycle":
      return "No released report in this cycle";
    case "collecting":
      return `Collecting answers until ${formatDay(blank.until ?? "")}`;
    case "insufficient":
      return "The last request closed with too few answers";
    case "none":
      return "No released report yet";
  }
}
