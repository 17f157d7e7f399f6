import { describe, expect, it } from "vitest";
import { matchPartners, type PartnerCandidate } from "./matching";

const candidate = (personId: string, overrides: Partial<PartnerCandidate> = {}): PartnerCandidate => ({
  personId,
  name: personId.toUpperCase(),
  optIn: true,
  optInDimensions: [],
  profile: {},
  ...overrides,
});

const candidates: PartnerCandidate[] = [
  candidate("subject", { profile: { risk: 5 } }),
  candidate("shy", { optIn: false, profile: { risk: 5 } }),
  candidate("report", { profile: { risk: 4.8 } }),
  candidate("bold", { profile: { risk: 4.4, dream: 2 } }),
  candidate("helper", { optInDimensions: ["risk"], profile: { risk: 4.0 } }),
  candidate("new-a"),
  candidate("new-b", { profile: { risk: null } }),
];

const input = {
  subjectId: "subject",
  subjectDirectReportIds: ["report"],
  focus: ["risk"] as const,
  candidates,
  dimensionNames: { risk: "Take risks" },
};

describe("matchPartners", () => {
  it("ranks opted-in colleagues by strength in the focus, never the subject", () => {
    expect(matchPartners(input)).toEqual([
      { personId: "report", name: "REPORT", reason: "Seen by others at 4.8 in Take risks", score: 4.8 },
      {
        personId: "helper",
        name: "HELPER",
        reason: "Seen by others at 4.0 in Take risks; offered to support Take risks",
        score: 4.5,
      },
      { personId: "bold", name: "BOLD", reason: "Seen by others at 4.4 in Take risks", score: 4.4 },
      {
        personId: "new-a",
        name: "NEW-A",
        reason: "Opted in as a partner; no released report to match on yet",
        score: 0,
      },
      {
        personId: "new-b",
        name: "NEW-B",
        reason: "Opted in as a partner; no released report to match on yet",
        score: 0,
      },
    ]);
  });

  it("never proposes one of the subject's direct reports as lead", () => {
    expect(matchPartners({ ...input, role: "lead" }).map((match) => match.personId)).toEqual([
      "helper",
      "bold",
      "new-a",
      "new-b",
    ]);
  });

  it("averages over two focus dimensions and breaks ties by person id", () => {
    const ranked = matchPartners({
      subjectId: "s",
      subjectDirectReportIds: [],
      focus: ["risk", "dream"],
      candidates: [
        candidate("b", { profile: { risk: 4, dream: 3 } }),
        candidate("a", { profile: { risk: 3, dream: 4 } }),
        candidate("c", { profile: { dream: 3.4 } }),
      ],
    });
    expect(ranked.map((match) => [match.personId, match.score])).toEqual([
      ["a", 3.5],
      ["b", 3.5],
      ["c", 3.4],
    ]);
    expect(ranked[2]?.reason).toBe("Seen by others at 3.4 in dream");
  });
});
