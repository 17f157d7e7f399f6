// The subtraction rule (DESIGN §4.3), applied to the candidate figures of one item or one dimension.
// A figure is described only by the anonymous raters who scored it: identifiable raters (self,
// manager) are treated as known, so they never protect anyone and never count towards k.

export interface CandidateFigure {
  readonly id: string;
  /** Anonymous raters who scored what this figure covers. */
  readonly raters: ReadonlySet<number>;
  /** When a subtraction would isolate people, hide the smaller figures before this one. */
  readonly preferred: boolean;
}

function containsAll(outer: ReadonlySet<number>, inner: ReadonlySet<number>): boolean {
  for (const rater of inner) if (!outer.has(rater)) return false;
  return true;
}

function leftover(container: CandidateFigure, subtracted: readonly CandidateFigure[]): number {
  let count = 0;
  for (const rater of container.raters) {
    if (!subtracted.some((figure) => figure.raters.has(rater))) count += 1;
  }
  return count;
}

function bySizeThenId(a: CandidateFigure, b: CandidateFigure): number {
  return a.raters.size - b.raters.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The figure to hide to cure the first violation found, or undefined when all shown figures are safe. */
function findFigureToHide(shown: readonly CandidateFigure[], threshold: number): CandidateFigure | undefined {
  const isolates = (count: number) => count > 0 && count < threshold;
  for (const container of shown) {
    if (isolates(container.raters.size)) return container;
    const inside = shown.filter(
      (figure) => figure !== container && containsAll(container.raters, figure.raters),
    );
    // Every subset of the contained figures: a subtraction may use any of them, not just all.
    for (let mask = 1; mask < 1 << inside.length; mask += 1) {
      const subtracted = inside.filter((_, index) => (mask & (1 << index)) !== 0);
      if (!isolates(leftover(container, subtracted))) continue;
      // Keeping "everyone but self" matters more than one group's breakdown: hide the smallest
      // subtracted figure instead, which leaves at least k raters unaccounted for.
      return container.preferred ? [...subtracted].sort(bySizeThenId)[0] : container;
    }
  }
  return undefined;
}

/**
 * Which candidate figures may be shown. A figure stands only on at least `threshold` anonymous
 * raters, and no subtraction of shown figures contained in another shown figure leaves between 1 and
 * threshold − 1 anonymous raters. Figures are hidden one at a time until no violation remains; this
 * ends because hiding everything is always safe.
 */
export function settleFigures(candidates: readonly CandidateFigure[], threshold: number): Set<string> {
  let shown = candidates.filter((figure) => figure.raters.size >= threshold);
  for (;;) {
    const hide = findFigureToHide(shown, threshold);
    if (!hide) return new Set(shown.map((figure) => figure.id));
    shown = shown.filter((figure) => figure !== hide);
  }
}
