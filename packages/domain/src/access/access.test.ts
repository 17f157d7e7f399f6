// The one access policy: every relation, and the attack each refusal stops.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../errors";
import { planRelation, readsReport, reportAccess, reportControllers, requireReportAccess } from ".";

const facts = {
  subjectId: "subject",
  requesterId: "requester",
  callerCoachesSubject: false,
  adminsReadReports: false,
  callerRatedAnonymously: false,
};

describe("reportAccess", () => {
  it("lets the subject, the requester, the subject's coach and (where allowed) admins read", () => {
    expect(reportAccess({ personId: "subject", roles: ["member"] }, facts)).toEqual({
      allowed: true,
      relation: "self",
    });
    expect(reportAccess({ personId: "requester", roles: ["manager"] }, facts)).toMatchObject({
      relation: "requester",
    });
    expect(
      reportAccess({ personId: "c", roles: ["coach"] }, { ...facts, callerCoachesSubject: true }),
    ).toMatchObject({
      relation: "coach",
    });
    expect(reportAccess({ personId: "a", roles: ["admin"] }, facts)).toEqual({
      allowed: false,
      reason: "not_a_reader",
    });
    expect(
      reportAccess({ personId: "a", roles: ["admin"] }, { ...facts, adminsReadReports: true }),
    ).toMatchObject({
      relation: "admin",
    });
    // Coaching a team is not enough without the coach role, and the role not without the team.
    expect(
      reportAccess({ personId: "c", roles: ["member"] }, { ...facts, callerCoachesSubject: true }).allowed,
    ).toBe(false);
    expect(reportAccess({ personId: "c", roles: ["coach"] }, facts).allowed).toBe(false);
  });

  it("rated-anonymously attack: a coach or admin who rated the round never reads its report", () => {
    const rated = {
      ...facts,
      callerCoachesSubject: true,
      adminsReadReports: true,
      callerRatedAnonymously: true,
    };
    expect(reportAccess({ personId: "c", roles: ["coach"] }, rated)).toEqual({
      allowed: false,
      reason: "rated_anonymously",
    });
    expect(reportAccess({ personId: "a", roles: ["admin"] }, rated)).toEqual({
      allowed: false,
      reason: "rated_anonymously",
    });
    expect(() => requireReportAccess({ personId: "a", roles: ["admin"] }, rated)).toThrow(ForbiddenError);
    expect(() => requireReportAccess({ personId: "x", roles: [] }, facts)).toThrow(/Only the person/);
  });

  it("names everyone who reads or steers a request, so none rates anonymously (rule 9)", () => {
    expect(
      [
        ...reportControllers({
          subjectId: "s",
          requesterId: "r",
          subjectManagerId: "m",
          coachIds: ["c"],
          readingAdminIds: [],
        }),
      ].sort(),
    ).toEqual(["c", "m", "r", "s"]);
    expect(
      reportControllers({
        subjectId: "s",
        requesterId: "s",
        subjectManagerId: null,
        coachIds: [],
        readingAdminIds: ["a"],
      }).has("a"),
    ).toBe(true);
  });
});

describe("planRelation", () => {
  const plan = {
    ownerId: "owner",
    callerCoachesOwner: false,
    callerRatedPlanReportAnonymously: false,
    partnership: null,
  };
  it("gives the owner, the coach and the circle their part, and nobody else any", () => {
    expect(planRelation({ personId: "owner", roles: [] }, plan)).toBe("owner");
    expect(planRelation({ personId: "c", roles: ["coach"] }, { ...plan, callerCoachesOwner: true })).toBe(
      "coach",
    );
    expect(
      planRelation(
        { personId: "p", roles: [] },
        { ...plan, partnership: { role: "lead", state: "invited" } },
      ),
    ).toBe("lead");
    expect(
      planRelation(
        { personId: "p", roles: [] },
        { ...plan, partnership: { role: "partner", state: "declined" } },
      ),
    ).toBeNull();
    expect(planRelation({ personId: "x", roles: ["coach"] }, plan)).toBeNull();
    expect(readsReport("coach")).toBe(true);
    expect(readsReport("partner")).toBe(false);
  });

  it("a coach who rated the plan's report anonymously is not its coach (at most a partner)", () => {
    const rated = { ...plan, callerCoachesOwner: true, callerRatedPlanReportAnonymously: true };
    expect(planRelation({ personId: "c", roles: ["coach"] }, rated)).toBeNull();
    expect(
      planRelation(
        { personId: "c", roles: ["coach"] },
        { ...rated, partnership: { role: "partner", state: "accepted" } },
      ),
    ).toBe("partner");
  });
});
