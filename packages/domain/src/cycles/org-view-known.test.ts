// The prepared organisation view for a reader who knows some reports against the full suppression
// it replaces on the read path: on random organisations (overlapping and nested cells, people
// missing some figures, any known set, k from 3 to 5) both give exactly the same view, started from
// the public view or from any other set of shown cells; and so does the view kept as bytes and
// read back, with known reports named by their request.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";
import {
  dimensionDistribution,
  ORG_TOTAL_KEY,
  type OrgView,
  organisationView,
  type PersonFigures,
} from "./analytics";
import { prepareOrganisationView, prepareStoredView } from "./org-view-known";
import { distributionKnowing, organisationViewKnowing } from "./org-view-known-run";
import { compactOrgView, decodeOrgView, encodeOrgView, StoredOrgViewError } from "./org-view-stored";

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

describe("the organisation view kept as bytes", () => {
  it("reads back to the same view and distribution, known reports named by request (property)", () => {
    fc.assert(
      fc.property(organisation, (input) => {
        const { figures, cells, known } = world(input);
        const threshold = input.k;
        const publicView = organisationView({ figures, cells, threshold });
        const shownWithoutKnown = shownOf(publicView);
        const full = organisationView({ figures, cells, threshold, knownToReader: known, shownWithoutKnown });
        // Each report is named by its request, as the frozen copy names them: uuids (kept as
        // bytes) or any other text (kept as text).
        const requestOf = (personId: string) =>
          input.k === 4
            ? `request-of-${personId}`
            : `00000000-0000-4000-8000-${personId.slice(1).padStart(12, "0")}`;
        const names = figures.map((person) => requestOf(person.personId));
        const bytes = encodeOrgView(
          compactOrgView({ figures, names, cells, threshold, shownWithoutKnown, totalKey: ORG_TOTAL_KEY }),
        );
        const prepared = prepareStoredView(decodeOrgView(bytes));
        const knownRequests = [...known].map(requestOf);
        expect(organisationViewKnowing(prepared, knownRequests)).toEqual(full);
        expect(distributionKnowing(prepared, knownRequests, full.total)).toEqual(
          dimensionDistribution(figures, threshold, known, full.total),
        );
        // A person id is not a request's name: it changes nothing.
        expect(organisationViewKnowing(prepared, known)).toEqual(organisationViewKnowing(prepared, []));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every figure exactly, a missing one as missing", () => {
    const figures: PersonFigures[] = [
      { personId: "a", dimensions: { inspire: 4.333333333333333, vision: 1 } },
      { personId: "b", dimensions: { inspire: 0.1 + 0.2 } },
    ];
    const cells = [{ key: "team:x", label: "Team Ä ✓", memberIds: ["a", "b", "a", "gone"] }];
    const view = decodeOrgView(
      encodeOrgView(
        compactOrgView({
          figures,
          cells,
          threshold: 3,
          shownWithoutKnown: new Map(),
          totalKey: ORG_TOTAL_KEY,
        }),
      ),
    );
    expect([...(view.values[0] as Float64Array)]).toEqual([4.333333333333333, 0.1 + 0.2]);
    expect([...(view.values[1] as Float64Array)]).toEqual([1, Number.NaN]);
    expect(view.cells).toEqual([{ key: "team:x", label: "Team Ä ✓" }]);
    expect([...view.members]).toEqual([0, 1]);
    // With at most two decimals the figures are kept in hundredths, and read back as the same numbers.
    const centi = [2.57, 4.1, 1, 5, 3.33, 0.29];
    const again = decodeOrgView(
      encodeOrgView(
        compactOrgView({
          figures: centi.map((value, i) => ({ personId: `p${i}`, dimensions: { risk: value } })),
          cells,
          threshold: 3,
          shownWithoutKnown: new Map(),
          totalKey: ORG_TOTAL_KEY,
        }),
      ),
    );
    expect([...(again.values[4] as Float64Array)]).toEqual(centi);
    expect(Number.isNaN(again.values[0]?.[0])).toBe(true);
  });

  it("refuses bytes that are not a whole view of this format", () => {
    const figures: PersonFigures[] = [{ personId: "a", dimensions: { inspire: 3 } }];
    const cells = [{ key: "team:x", label: "X", memberIds: ["a"] }];
    const bytes = encodeOrgView(
      compactOrgView({ figures, cells, threshold: 3, shownWithoutKnown: new Map(), totalKey: ORG_TOTAL_KEY }),
    );
    const altered = (change: (copy: Uint8Array, data: DataView) => void) => {
      const copy = bytes.slice();
      change(copy, new DataView(copy.buffer));
      return () => decodeOrgView(copy);
    };
    expect(() => decodeOrgView(bytes.subarray(0, bytes.length - 1))).toThrow(StoredOrgViewError);
    expect(() => decodeOrgView(new Uint8Array(4))).toThrow(StoredOrgViewError);
    // From anywhere in a larger buffer, as a driver hands out slices of its pool.
    const pool = new Uint8Array(bytes.length + 13);
    pool.set(bytes, 5);
    expect(decodeOrgView(pool.subarray(5, 5 + bytes.length)).people).toBe(1);
    expect(altered((_, data) => data.setUint16(4, 2, true))).toThrow(/version 2/);
    expect(altered((_, data) => data.setUint32(0, 0, true))).toThrow(StoredOrgViewError);
    const compact = compactOrgView({
      figures,
      cells,
      threshold: 3,
      shownWithoutKnown: new Map(),
      totalKey: ORG_TOTAL_KEY,
    });
    expect(() => decodeOrgView(encodeOrgView({ ...compact, members: Int32Array.from([7]) }))).toThrow(
      /does not hold/,
    );
    expect(() => decodeOrgView(encodeOrgView({ ...compact, memberStart: Int32Array.from([0, 0]) }))).toThrow(
      /do not cover/,
    );
  });
});
