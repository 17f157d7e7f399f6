import { describe, expect, it } from "vitest";
import { type GroupProgressCounts, progressLines } from "./progress";

const row = (group: GroupProgressCounts["group"], invited: number, submitted: number, declined = 0) => ({
  group,
  invited,
  submitted,
  declined,
});

describe("progress lines", () => {
  it("keeps self, manager and groups of at least k invitees as they are", () => {
    expect(
      progressLines(
        [row("self", 1, 1), row("manager", 1, 0), row("peer", 3, 2), row("direct_report", 4, 1)],
        3,
      ),
    ).toEqual([
      { group: "self", label: "Self", invited: 1, submitted: 1, declined: 0 },
      { group: "manager", label: "Manager", invited: 1, submitted: 0, declined: 0 },
      { group: "peer", label: "Peers", invited: 3, submitted: 2, declined: 0 },
      { group: "direct_report", label: "Direct reports", invited: 4, submitted: 1, declined: 0 },
    ]);
  });

  it("pools a group too small to count on its own, so its one member's answer stays unsaid", () => {
    const lines = progressLines([row("self", 1, 0), row("peer", 4, 1), row("other", 1, 1, 0)], 3);
    expect(lines).toEqual([
      { group: "self", label: "Self", invited: 1, submitted: 0, declined: 0 },
      {
        group: "pool:peer+other",
        label: "Peers and other colleagues together",
        invited: 5,
        submitted: 2,
        declined: 0,
        pooledFrom: ["peer", "other"],
      },
    ]);
  });

  it("every anonymous line stands on at least k invitees whenever all of them together do", () => {
    for (let peer = 0; peer <= 4; peer++) {
      for (let reports = 0; reports <= 4; reports++) {
        for (let other = 0; other <= 4; other++) {
          if (peer + reports + other < 3) continue;
          const lines = progressLines(
            [row("peer", peer, 0), row("direct_report", reports, 0), row("other", other, 0)],
            3,
          );
          for (const line of lines) expect(line.invited).toBeGreaterThanOrEqual(3);
          expect(lines.reduce((n, l) => n + l.invited, 0)).toBe(peer + reports + other);
        }
      }
    }
  });
});
