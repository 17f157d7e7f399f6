// The prepared organisation view for a reader who knows some reports against the full suppression
// it replaces on the read path: on random organisations (overlapping and nested cells, people
// missing some figures, any known set, k from 3 to 5) both give exactly the same view, started from
// the public view or from any other set of shown cells.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";
import { ORG_TOTAL_KEY, type OrgView, organisationView, type PersonFigures } from "./analytics";
import { prepareOrganisationView } from "./org-view-known";
import { organisationViewKnowing } from "./org-view-known-run";

const organisation = fc.record({
  count: fc.integer({ min: 3, max: 40 }),
  k: fc.integer({ min: 3, max: 5 }),
  cells: fc.array(fc.array(fc.integer({ min: 0, max: 39 }), { minLength: 1, maxLength: 20 }), {
    minLength: 1,
    maxLength: 10,
  }),
  // Per person, the dimensions they have no figure for (mostly none).
  missing: fc.array(fc.subarray([...DIMENSION_KEYS], { maxLength: 2 }), { minLength: 40, maxLength: 40 }),
  missingRate: fc.constantFrom(0, 0.1, 0.5),
  reported: fc.integer({ min: 50, max: 100 }),
  // A few known reports, as a manager or coach has, or most of the organisation's.
  known: fc.oneof(
    fc.array(fc.integer({ min: 0, max: 45 }), { maxLength: 8 }),
    fc.array(fc.integer({ min: 0, max: 39 }), { minLength: 10, maxLength: 60 }),
  ),
  start: fc.option(fc.array(fc.subarray([...DIMENSION_KEYS]), { minLength: 11, maxLength: 11 })),
});

function world(input: typeof organisation extends fc.Arbitrary<infer T> ? T : never) {
  const ids = Array.from({ length: input.count }, (_, i) => `p${i}`);
  const figures: PersonFigures[] = ids
    .filter((_, i) => (i * 37) % 100 < input.reported)
    .map((personId, i) => {
      const drop = (i * 13) % 10 < input.missingRate * 10 ? (input.missing[i] ?? []) : [];
      return {
        personId,
        dimensions: Object.fromEntries(
          DIMENSION_KEYS.filter((key) => !drop.includes(key)).map((key, j) => [
            key,
            1 + ((i * 7 + j * 3) % 17) / 4,
          ]),
        ),
      };
    });
  const cells = input.cells.map((members, index) => ({
    key: `c${index}`,
    label: `C${index}`,
    // Duplicates and people beyond the organisation's figures are kept: the cells of real data have both.
    memberIds: members.map((m) => `p${m}`),
  }));
  const known = new Set(input.known.map((m) => `p${m}`));
  return { figures, cells, known };
}

const shownOf = (view: OrgView) =>
  new Map(
    [view.total, ...view.cells].map((cell) => [
      cell.key,
      new Set(DIMENSION_KEYS.filter((key) => cell.dimensions?.[key])),
    ]),
  );

describe("organisation view for a reader who knows some reports, from the prepared view", () => {
  it("is exactly the full suppression started from the public view (property)", () => {
    fc.assert(
      fc.property(organisation, (input) => {
        const { figures, cells, known } = world(input);
        const shownWithoutKnown = shownOf(organisationView({ figures, cells, threshold: input.k }));
        const full = organisationView({
          figures,
          cells,
          threshold: input.k,
          knownToReader: known,
          shownWithoutKnown,
        });
        const prepared = prepareOrganisationView({ figures, cells, threshold: input.k, shownWithoutKnown });
        expect(organisationViewKnowing(prepared, known)).toEqual(full);
        // One prepared view serves reader after reader: nothing of one reader stays behind.
        expect(organisationViewKnowing(prepared, new Set())).toEqual(
          organisationView({
            figures,
            cells,
            threshold: input.k,
            knownToReader: new Set(),
            shownWithoutKnown,
          }),
        );
        expect(organisationViewKnowing(prepared, known)).toEqual(full);
      }),
      { numRuns: 1000 },
    );
  });

  it("is exactly the full suppression from any start, even one that is not a finished view (property)", () => {
    fc.assert(
      fc.property(organisation, (input) => {
        const { figures, cells, known } = world(input);
        const keys = [ORG_TOTAL_KEY, ...cells.map((cell) => cell.key)];
        const shownWithoutKnown = new Map<string, Set<DimensionKey>>(
          keys.map((key, index) => [key, new Set(input.start?.[index % 11] ?? DIMENSION_KEYS)]),
        );
        const full = organisationView({
          figures,
          cells,
          threshold: input.k,
          knownToReader: known,
          shownWithoutKnown,
        });
        const prepared = prepareOrganisationView({ figures, cells, threshold: input.k, shownWithoutKnown });
        expect(organisationViewKnowing(prepared, known)).toEqual(full);
      }),
      { numRuns: 1000 },
    );
  });
});
