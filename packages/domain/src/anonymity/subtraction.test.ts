import { describe, expect, it } from "vitest";
import { type CandidateFigure, settleFigures } from "./subtraction";

const figure = (id: string, raters: number[], preferred = false): CandidateFigure => ({
  id,
  raters: new Set(raters),
  preferred,
});

describe("settleFigures", () => {
  it("hides figures under k", () => {
    expect(settleFigures([figure("peer", [1, 2, 3]), figure("direct_report", [4, 5])], 3)).toEqual(
      new Set(["peer"]),
    );
  });

  it("keeps everything when nothing can be isolated", () => {
    const shown = settleFigures(
      [
        figure("peer", [1, 2, 3, 4]),
        figure("direct_report", [5, 6, 7]),
        figure("others", [1, 2, 3, 4, 5, 6, 7], true),
      ],
      3,
    );
    expect(shown).toEqual(new Set(["peer", "direct_report", "others"]));
  });

  it("hides the smaller group, not the preferred container, when a subtraction would isolate people", () => {
    const shown = settleFigures(
      [
        figure("peer", [1, 2, 3, 4]),
        figure("direct_report", [5, 6, 7, 8]),
        figure("other", [9, 10]),
        figure("others", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true),
      ],
      3,
    );
    // others − peer − direct_report would leave the 2 others: one group gives way (ties by id).
    expect(shown).toEqual(new Set(["peer", "others"]));
  });

  it("hides a container that is not preferred", () => {
    const shown = settleFigures([figure("all", [1, 2, 3, 4]), figure("some", [1, 2, 3])], 3);
    expect(shown).toEqual(new Set(["some"]));
  });

  it("checks every subset of contained figures, not only all of them", () => {
    // outer − a = {4, 5} (2 people) although outer − a − b = {} is fine.
    const shown = settleFigures(
      [figure("outer", [1, 2, 3, 4, 5, 6, 7], true), figure("a", [1, 2, 3, 6, 7]), figure("b", [4, 5, 6])],
      3,
    );
    expect(shown.has("outer")).toBe(true);
    expect(shown.size).toBe(2);
  });
});
