// The subtraction rule across a subject's reports (DESIGN §4 rule 10). Two released reports on one
// person whose raters differ by one person give that person's answers by subtraction
// (4 × mean₂ − 3 × mean₁ when the others answer alike), so a figure is shown only if, against every
// figure on the same item or dimension of every earlier report in the comparison window, the
// anonymous raters behind the two differ each way by zero or at least k people.
//
// Who answered a group is known (invitations say so); who scored one item is not (that is sealed),
// only how many did (n). So the check takes the worst case over every way n scorers could sit
// inside the group's raters.
import { ANONYMOUS_GROUPS, type AnonymousGroup } from "../instrument";
import { poolGroups } from "./pooling";
import type { FigureStats, GroupFigure, ReportSnapshot } from "./types";

/** Stable keys (person ids, normalised addresses) of the raters who answered, per anonymous group. */
export type AnsweredBy = Readonly<Partial<Record<AnonymousGroup, readonly string[]>>>;

/** An earlier released report on the same subject and items, with who answered it. */
export interface EarlierReport {
  readonly snapshot: ReportSnapshot;
  readonly answeredBy: AnsweredBy;
}

interface EarlierFigure {
  readonly raters: ReadonlySet<string>;
  /** How many anonymous raters may stand behind it (two values when the manager may be among them). */
  readonly n: readonly number[];
}

/** A figure of the report being decided: the groups it covers and how many anonymous raters scored. */
export interface ShownFigure {
  readonly members: readonly AnonymousGroup[];
  readonly n: number;
}

export interface HistoryGuard {
  /** Whether a figure on `scope` over `members`, scored by `n` anonymous raters, may be shown. */
  allows(scope: string, members: readonly AnonymousGroup[], n: number): boolean;
  /**
   * Whether these group figures, and "everyone but self" over `others` scorers (null when hidden),
   * may be shown together on `scope`: every figure a reader can work out from them, each union of
   * their atoms, against every one of each earlier report.
   */
  allowsTogether(scope: string, groups: readonly ShownFigure[], others: number | null): boolean;
  /** Whether anonymous comments from these groups may be shown. */
  allowsComments(groups: readonly AnonymousGroup[]): boolean;
}

/**
 * Whether n₁ scorers within s₁ and n₂ scorers within s₂ (which ones is unknown) can differ each way
 * by 1 … k−1 people. With c raters in both, u₁ of the first figure's scorers among them and u₂ of
 * the second's, the two share w of the c, anywhere from max(0, u₁+u₂−c) to min(u₁, u₂); the
 * leftovers are n₂ − w and n₁ − w.
 */
export function mayDifferByFew(
  first: { raters: ReadonlySet<string>; n: number },
  second: { raters: ReadonlySet<string>; n: number },
  threshold: number,
): boolean {
  let common = 0;
  for (const rater of first.raters) if (second.raters.has(rater)) common += 1;
  const onlyFirst = first.raters.size - common;
  const onlySecond = second.raters.size - common;
  const u1 = { min: Math.max(0, first.n - onlyFirst), max: Math.min(first.n, common) };
  const u2 = { min: Math.max(0, second.n - onlySecond), max: Math.min(second.n, common) };
  // Counts that no assignment of scorers explains: the data does not add up, so assume the worst.
  if (u1.min > u1.max || u2.min > u2.max) return true;
  const shared = { min: Math.max(0, u1.min + u2.min - common), max: Math.min(u1.max, u2.max) };
  // Every leftover between the extremes can happen; one of them between 1 and k − 1 is a leak.
  return [first.n, second.n].some((n) => n - shared.min >= 1 && n - shared.max <= threshold - 1);
}

function ratersOf(answeredBy: AnsweredBy, members: readonly AnonymousGroup[]): Set<string> {
  return new Set(members.flatMap((group) => answeredBy[group] ?? []));
}

function membersOf(snapshot: ReportSnapshot, group: string): readonly AnonymousGroup[] {
  const pool = snapshot.groups.find((entry) => entry.group === group);
  if (pool?.pooledFrom) return pool.pooledFrom;
  if (group.startsWith("pool:")) return group.slice(5).split("+") as AnonymousGroup[];
  return [group as AnonymousGroup];
}

/** The groups whose comments an earlier report showed (recorded since rule 10; recomputed before). */
export function commentGroupsOf(earlier: EarlierReport): readonly AnonymousGroup[] {
  if (earlier.snapshot.commentGroups) return earlier.snapshot.commentGroups;
  const answered = Object.fromEntries(
    ANONYMOUS_GROUPS.map((group) => [group, earlier.answeredBy[group]?.length ?? 0]),
  ) as Record<AnonymousGroup, number>;
  const threshold = earlier.snapshot.commentThreshold;
  return poolGroups(answered, threshold)
    .filter((unit) => unit.answered >= threshold)
    .flatMap((unit) => unit.members);
}

/** A part of a report's figures on one scope that no subtraction among them can split further. */
interface Atom {
  readonly raters: ReadonlySet<string>;
  readonly n: readonly number[];
}

/**
 * Every figure a reader can work out from a report's figures on one scope by adding and subtracting
 * them: each union of its atoms (the shown groups, and what "everyone but self" holds beyond them).
 * Comparing shown figures alone missed the rest: "everyone" minus "peers" now, minus "everyone"
 * before, can leave one person (test "differencing attack through a remainder").
 */
function unionsOfAtoms(atoms: readonly Atom[]): EarlierFigure[] {
  const unions: EarlierFigure[] = [];
  for (let mask = 1; mask < 1 << atoms.length; mask++) {
    const raters = new Set<string>();
    let n: number[] = [0];
    atoms.forEach((atom, index) => {
      if ((mask & (1 << index)) === 0) return;
      for (const rater of atom.raters) raters.add(rater);
      n = n.flatMap((sum) => atom.n.map((value) => sum + value));
    });
    unions.push({ raters, n: [...new Set(n)] });
  }
  return unions;
}

/** The atoms of one scope: the shown groups, then the remainder of "everyone but self" if shown. */
function atomsOf(
  all: ReadonlySet<string>,
  groups: readonly { raters: ReadonlySet<string>; n: number }[],
  others: readonly number[] | null,
): Atom[] {
  const atoms: Atom[] = groups.map((group) => ({ raters: group.raters, n: [group.n] }));
  if (!others) return atoms;
  const covered = new Set(groups.flatMap((group) => [...group.raters]));
  const raters = new Set([...all].filter((rater) => !covered.has(rater)));
  const inGroups = groups.reduce((sum, group) => sum + group.n, 0);
  const n = others.map((value) => value - inGroups);
  // Nothing beyond the groups: no remainder. A count the remainder cannot hold is kept, so that
  // the comparison treats it as the worst case.
  if (raters.size === 0 && n.every((value) => value === 0)) return atoms;
  atoms.push({ raters, n: n.some((value) => value >= 0) ? n.filter((value) => value >= 0) : n });
  return atoms;
}

function earlierFigures(earlier: EarlierReport): Map<string, EarlierFigure[]> {
  const { snapshot, answeredBy } = earlier;
  const manager = snapshot.groups.find((group) => group.group === "manager");
  const managerAnswered = (manager?.answered ?? 0) > 0;
  const all = ratersOf(answeredBy, ANONYMOUS_GROUPS);
  const byScope = new Map<string, EarlierFigure[]>();
  const add = (
    scope: string,
    others: FigureStats | null,
    groups: readonly GroupFigure[],
    managerScored: boolean | null,
  ) => {
    // "Everyone but self" counts the manager too when they scored; where that is unknown, both.
    const othersN = !others
      ? null
      : !managerAnswered
        ? [others.n]
        : managerScored === null
          ? [others.n - 1, others.n]
          : [managerScored ? others.n - 1 : others.n];
    const shown = groups.map((figure) => ({
      raters: ratersOf(answeredBy, membersOf(snapshot, figure.group)),
      n: figure.n,
    }));
    const atoms = atomsOf(all, shown, othersN?.filter((value) => value >= 0) ?? null);
    byScope.set(scope, [...(byScope.get(scope) ?? []), ...unionsOfAtoms(atoms)]);
  };
  for (const dimension of snapshot.dimensions) {
    add(dimension.key, dimension.others, dimension.groups, null);
    for (const item of dimension.items) {
      add(item.id, item.others, item.groups, manager?.shown ? item.manager !== null : null);
    }
  }
  return byScope;
}

export function historyGuard(
  current: AnsweredBy,
  earlier: readonly EarlierReport[],
  threshold: number,
): HistoryGuard {
  const figures = earlier.map(earlierFigures);
  const farEnough = (scope: string, mine: { raters: ReadonlySet<string>; n: number }) =>
    figures.every((byScope) =>
      (byScope.get(scope) ?? []).every((figure) => {
        // Of the counts the figure may stand on, only those its raters can make up are possible.
        const possible = figure.n.filter((value) => value >= 0 && value <= figure.raters.size);
        if (possible.length === 0) return false;
        return possible.every(
          (value) => !mayDifferByFew(mine, { raters: figure.raters, n: value }, threshold),
        );
      }),
    );
  const all = ratersOf(current, ANONYMOUS_GROUPS);
  return {
    allows(scope, members, n) {
      return farEnough(scope, { raters: ratersOf(current, members), n });
    },
    allowsTogether(scope, groups, others) {
      const shown = groups.map((group) => ({ raters: ratersOf(current, group.members), n: group.n }));
      const mine = unionsOfAtoms(atomsOf(all, shown, others === null ? null : [others]));
      return mine.every((figure) => figure.n.every((n) => farEnough(scope, { raters: figure.raters, n })));
    },
    allowsComments(groups) {
      if (groups.length === 0) return true;
      const mine = ratersOf(current, groups);
      return earlier.every((report) => {
        const theirs = ratersOf(report.answeredBy, commentGroupsOf(report));
        if (theirs.size === 0) return true;
        return !mayDifferByFew({ raters: mine, n: mine.size }, { raters: theirs, n: theirs.size }, threshold);
      });
    },
  };
}
