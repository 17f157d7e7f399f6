// Suggestions rank with the colleague's figures but explain in words, never with those figures.
import { describe, expect, it } from "vitest";
import type { PartnerCandidate } from "./matching";
import { MAX_SUGGESTIONS, suggestPartners } from "./suggestion";

const candidate = (
  personId: string,
  profile: PartnerCandidate["profile"],
  offered: PartnerCandidate["optInDimensions"] = [],
): PartnerCandidate => ({
  personId,
  name: `Person ${personId}`,
  optIn: true,
  optInDimensions: offered,
  profile,
});

const names = { risk: "Take risks", empower: "Empower others" } as const;

describe("suggestPartners", () => {
  it("ranks by the matcher and explains without figures", () => {
    const suggestions = suggestPartners({
      subjectId: "s",
      subjectDirectReportIds: [],
      focus: ["risk", "empower"],
      dimensionNames: names,
      candidates: [
        candidate("a", { risk: 4.6, empower: 4.2 }),
        candidate("b", { risk: 3.1 }, ["risk"]),
        candidate("c", {}),
        candidate("d", { risk: 4.5 }, ["empower", "risk"]),
      ],
    });
    expect(suggestions).toEqual([
      {
        personId: "d",
        name: "Person d",
        strong: ["risk"],
        offered: ["risk", "empower"],
        reason:
          "Colleagues see Take risks as a strength of theirs; offered to support Take risks and Empower others",
      },
      {
        personId: "a",
        name: "Person a",
        strong: ["risk", "empower"],
        offered: [],
        reason: "Colleagues see Take risks and Empower others as a strength of theirs",
      },
      {
        personId: "b",
        name: "Person b",
        strong: [],
        offered: ["risk"],
        reason: "Offered to support Take risks",
      },
      {
        personId: "c",
        name: "Person c",
        strong: [],
        offered: [],
        reason: "Opted in as an accountability partner",
      },
    ]);
    for (const suggestion of suggestions) expect(suggestion.reason).not.toMatch(/\d/);
  });

  it("keeps to the limit and to the lead rule, with keys when names are missing", () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      candidate(`p${String(i).padStart(2, "0")}`, { dream: 4 }),
    );
    expect(
      suggestPartners({ subjectId: "s", subjectDirectReportIds: [], focus: ["dream"], candidates: many }),
    ).toHaveLength(MAX_SUGGESTIONS);
    const lead = suggestPartners({
      subjectId: "s",
      subjectDirectReportIds: ["p00"],
      focus: ["dream"],
      candidates: many,
      role: "lead",
      limit: 2,
    });
    expect(lead).toEqual([
      {
        personId: "p01",
        name: "Person p01",
        strong: ["dream"],
        offered: [],
        reason: "Colleagues see dream as a strength of theirs",
      },
      {
        personId: "p02",
        name: "Person p02",
        strong: ["dream"],
        offered: [],
        reason: "Colleagues see dream as a strength of theirs",
      },
    ]);
  });
});
