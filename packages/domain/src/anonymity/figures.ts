// Item and dimension figures: which may be shown (per figure, on the raters who scored it) and
// their values. A dimension figure aggregates only the items whose figure is shown for the same
// group, so it never reveals anything about a hidden item figure.
import {
  ANONYMOUS_GROUPS,
  type AnonymousGroup,
  type InstrumentDimension,
  isAnonymousGroup,
} from "../instrument";
import type { HistoryGuard } from "./history";
import type { ResolvedPolicy, SealedRow } from "./normalise";
import { type AnonymousUnit, unitLabel } from "./pooling";
import { type CandidateFigure, settleFigures } from "./subtraction";
import { Tally } from "./tally";
import type { DimensionFigures, GroupFigure, ItemFigures } from "./types";

const OTHERS = "others";
const SELF = -1;
const MANAGER = -2;

export interface FigureContext {
  readonly rows: readonly SealedRow[];
  readonly units: readonly AnonymousUnit[];
  readonly policy: ResolvedPolicy;
  /** Per row: the index of its anonymous unit, or SELF / MANAGER. */
  readonly unitOfRow: readonly number[];
  /** Earlier reports on the subject (rule 10), when there are any. */
  readonly history: HistoryGuard | undefined;
}

export function figureContext(
  rows: readonly SealedRow[],
  units: readonly AnonymousUnit[],
  policy: ResolvedPolicy,
  history?: HistoryGuard,
): FigureContext {
  const unitOfRow = rows.map((row) =>
    isAnonymousGroup(row.group)
      ? units.findIndex((unit) => unit.members.includes(row.group as AnonymousGroup))
      : row.group === "self"
        ? SELF
        : MANAGER,
  );
  return { rows, units, policy, unitOfRow, history };
}

/** Which item positions each figure covers. */
interface Coverage {
  readonly units: readonly (readonly number[])[];
  readonly others: readonly number[];
  readonly identifiable: readonly number[];
}

/** One pass over the responses, tallying every figure over the positions it covers. */
function tallyFigures(context: FigureContext, coverage: Coverage) {
  const units = context.units.map(() => new Tally());
  const others = new Tally();
  const self = new Tally();
  const manager = new Tally();
  const anonymousInOthers = new Set<number>();
  context.rows.forEach((row, rater) => {
    const unit = context.unitOfRow[rater] as number;
    if (unit === SELF) {
      self.addAt(rater, row.scores, coverage.identifiable);
      return;
    }
    others.addAt(rater, row.scores, coverage.others);
    if (unit === MANAGER) {
      manager.addAt(rater, row.scores, coverage.identifiable);
      return;
    }
    (units[unit] as Tally).addAt(rater, row.scores, coverage.units[unit] ?? []);
    if (others.raters.has(rater)) anonymousInOthers.add(rater);
  });
  return { units, others, self, manager, anonymousInOthers };
}

interface Settled {
  readonly figures: Pick<ItemFigures, "others" | "self" | "manager" | "groups">;
  readonly shownUnits: readonly number[];
}

function settle(context: FigureContext, scope: string, coverage: Coverage): Settled {
  const tallies = tallyFigures(context, coverage);
  // A figure too close to one of an earlier report on the subject is no candidate at all (rule 10).
  const history = (members: readonly AnonymousGroup[], raters: ReadonlySet<number>) =>
    !context.history || context.history.allows(scope, members, raters.size);
  const candidates: CandidateFigure[] = context.units
    .map((unit, index) => ({ id: unit.id, raters: (tallies.units[index] as Tally).raters, preferred: false }))
    .filter((candidate, index) => history((context.units[index] as AnonymousUnit).members, candidate.raters));
  // "Everyone but self" is the headline figure: when a subtraction would isolate people, the
  // smaller group figures give way first.
  if (history(ANONYMOUS_GROUPS, tallies.anonymousInOthers)) {
    candidates.push({ id: OTHERS, raters: tallies.anonymousInOthers, preferred: true });
  }
  const shown = settleFigures(candidates, context.policy.threshold);
  protectHiddenManager(context, tallies, shown);
  keepApartFromHistory(context, scope, tallies, shown);
  const groups: GroupFigure[] = [];
  const shownUnits: number[] = [];
  context.units.forEach((unit, index) => {
    const stats = shown.has(unit.id) ? (tallies.units[index] as Tally).stats() : null;
    if (!stats) return;
    shownUnits.push(index);
    groups.push({ group: unit.id, label: unitLabel(unit), ...stats });
  });
  return {
    figures: {
      others: shown.has(OTHERS) ? tallies.others.stats() : null,
      self: tallies.self.mean(),
      manager: context.policy.showManagerApart ? tallies.manager.mean() : null,
      groups,
    },
    shownUnits,
  };
}

type ShownUnit = { unit: AnonymousUnit; raters: ReadonlySet<number> };

/**
 * Hides the smallest shown group (ties: canonical order) until `holds` says the shown groups are
 * safe together, or none is left: how the manager rule and rule 10's union check give way.
 */
function hideSmallestUntil(
  context: FigureContext,
  tallies: ReturnType<typeof tallyFigures>,
  shown: Set<string>,
  holds: (visible: readonly ShownUnit[]) => boolean,
): void {
  for (;;) {
    const visible = context.units
      .map((unit, index) => ({ unit, raters: (tallies.units[index] as Tally).raters }))
      .filter(({ unit }) => shown.has(unit.id));
    if (visible.length === 0 || holds(visible)) return;
    const smallest = visible.reduce((a, b) => (b.raters.size < a.raters.size ? b : a));
    shown.delete(smallest.unit.id);
  }
}

/**
 * With the manager not shown apart, their answers are folded into "everyone but self" and must not
 * come back out: the subject knows their own answers, not the manager's, so "everyone but self"
 * minus shown groups covering every anonymous rater in it would leave exactly the manager. Groups
 * give way until the shown ones leave someone anonymous uncovered. (The manager knows their own
 * answers; that side is the rule above.)
 */
function protectHiddenManager(
  context: FigureContext,
  tallies: ReturnType<typeof tallyFigures>,
  shown: Set<string>,
): void {
  if (context.policy.showManagerApart || !shown.has(OTHERS)) return;
  const managerInOthers = [...tallies.others.raters].some((rater) => context.unitOfRow[rater] === MANAGER);
  if (!managerInOthers) return;
  hideSmallestUntil(context, tallies, shown, (visible) =>
    [...tallies.anonymousInOthers].some((rater) => !visible.some((v) => v.raters.has(rater))),
  );
}

/**
 * Rule 10 over what the shown figures give together, not one by one: "everyone but self" minus the
 * shown groups is a figure too, and it must not come within 1 … k−1 people of an earlier report's
 * figure (nor any other sum of what is shown). Groups give way until that holds; with none left,
 * "everyone but self" alone was checked as a candidate.
 */
function keepApartFromHistory(
  context: FigureContext,
  scope: string,
  tallies: ReturnType<typeof tallyFigures>,
  shown: Set<string>,
): void {
  const history = context.history;
  if (!history) return;
  const others = shown.has(OTHERS) ? tallies.anonymousInOthers.size : null;
  hideSmallestUntil(context, tallies, shown, (visible) =>
    history.allowsTogether(
      scope,
      visible.map(({ unit, raters }) => ({ members: unit.members, n: raters.size })),
      others,
    ),
  );
}

export function buildDimensionFigures(
  context: FigureContext,
  dimension: InstrumentDimension,
  firstPosition: number,
): DimensionFigures {
  const unitPositions: number[][] = context.units.map(() => []);
  const othersPositions: number[] = [];

  const items: ItemFigures[] = dimension.items.map((item, offset) => {
    const position = [firstPosition + offset];
    const settled = settle(context, item.id, {
      units: context.units.map(() => position),
      others: position,
      identifiable: position,
    });
    for (const unit of settled.shownUnits) unitPositions[unit]?.push(firstPosition + offset);
    if (settled.figures.others) othersPositions.push(firstPosition + offset);
    return { id: item.id, ...settled.figures };
  });

  const { figures } = settle(context, dimension.key, {
    units: unitPositions,
    others: othersPositions,
    identifiable: dimension.items.map((_, offset) => firstPosition + offset),
  });
  return { key: dimension.key, ...figures, items };
}
