// A new plan from the generator, edits by its owner, and what publishing needs.
import { describe, expect, it } from "vitest";
import { parseInput } from "../answers";
import { InvalidInputError, PreconditionFailedError } from "../errors";
import type { CoachingPlanDraft } from "./generate";
import {
  applyPlanEdit,
  checkPlanPublishable,
  newPlanContent,
  type PlanContent,
  planEditSchema,
  publishedContent,
} from "./plan-content";

const draft: CoachingPlanDraft = {
  focus: ["risk", "empower"],
  strength: "vision",
  reasons: { focus: ["a", "b"], strength: "c" },
  actions: [
    { id: "risk.announce-intention", dimension: "risk", text: "Announce it" },
    { id: "risk.decide-postponed", dimension: "risk", text: "Small bets" },
    { id: "empower.outcome-not-method", dimension: "empower", text: "Outcome" },
    { id: "empower.agreed-checkpoints", dimension: "empower", text: "Checkpoints" },
  ],
  woop: { wish: "w", outcome: "o", obstacle: "b", plan: "p" },
};

const plan = (): PlanContent => newPlanContent(draft, "2026-03-02");

describe("newPlanContent", () => {
  it("ticks the best action per focus dimension and runs fortnightly for twelve weeks", () => {
    const content = plan();
    expect(content.actions.map((action) => [action.id, action.picked, action.status])).toEqual([
      ["risk.announce-intention", true, "not_started"],
      ["risk.decide-postponed", false, "not_started"],
      ["empower.outcome-not-method", true, "not_started"],
      ["empower.agreed-checkpoints", false, "not_started"],
    ]);
    expect(content).toMatchObject({
      focus: ["risk", "empower"],
      strength: "vision",
      cadence: "fortnightly",
      startsOn: "2026-03-02",
      endsOn: "2026-05-25",
      woop: draft.woop,
    });
  });
});

describe("applyPlanEdit", () => {
  it("changes what the edit names and keeps the rest", () => {
    const edited = applyPlanEdit(
      plan(),
      { woop: { wish: "Decide faster" }, cadence: "weekly", endsOn: "2026-04-30" },
      { published: false },
    );
    expect(edited.woop).toEqual({ ...draft.woop, wish: "Decide faster" });
    expect(edited.cadence).toBe("weekly");
    expect(edited.endsOn).toBe("2026-04-30");
    expect(edited.actions).toEqual(plan().actions);
  });

  it("merges actions: statuses stay, own actions get fresh ids, catalogue actions may be added", () => {
    const current = plan();
    const started = {
      ...current,
      actions: current.actions.map((a) => ({ ...a, status: "in_progress" as const })),
    };
    const edited = applyPlanEdit(
      started,
      {
        actions: [
          { id: "risk.announce-intention", dimension: "risk", text: "Announce my decisions", picked: true },
          { dimension: "risk", text: "Ask my lead to challenge me monthly", picked: true },
          { dimension: "dream", text: "Read one industry report a month", picked: false },
          { id: "vision.open-hours", dimension: "vision", text: "Open hours", picked: true, status: "done" },
        ],
      },
      { published: true },
    );
    expect(edited.actions).toEqual([
      {
        id: "risk.announce-intention",
        dimension: "risk",
        text: "Announce my decisions",
        picked: true,
        status: "in_progress",
      },
      {
        id: "custom-1",
        dimension: "risk",
        text: "Ask my lead to challenge me monthly",
        picked: true,
        status: "not_started",
      },
      {
        id: "custom-2",
        dimension: "dream",
        text: "Read one industry report a month",
        picked: false,
        status: "not_started",
      },
      { id: "vision.open-hours", dimension: "vision", text: "Open hours", picked: true, status: "done" },
    ]);
    const again = applyPlanEdit(
      edited,
      { actions: [...edited.actions, { dimension: "risk", text: "One more of my own", picked: true }] },
      { published: true },
    );
    expect(again.actions.at(-1)?.id).toBe("custom-3");
  });

  it("refuses unknown, duplicated or re-dimensioned actions", () => {
    const attempt = (actions: Parameters<typeof applyPlanEdit>[1]["actions"]) => () =>
      applyPlanEdit(plan(), { actions }, { published: false });
    expect(attempt([{ id: "made.up", dimension: "risk", text: "Something", picked: true }])).toThrow(
      "An action is neither in the plan nor in the catalogue",
    );
    expect(
      attempt([
        { id: "risk.decide-postponed", dimension: "risk", text: "Small bets", picked: true },
        { id: "risk.decide-postponed", dimension: "risk", text: "Small bets", picked: false },
      ]),
    ).toThrow("The same action is listed twice");
    try {
      attempt([{ id: "risk.decide-postponed", dimension: "dream", text: "Small bets", picked: true }])();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fields).toEqual({
        "actions.0.dimension": "This action belongs to Take risks",
      });
    }
  });

  it("keeps the strength outside the focus and each focus dimension once", () => {
    expect(() => applyPlanEdit(plan(), { focus: ["vision"] }, { published: false })).toThrow(
      "The strength to build on is one you are not focusing on",
    );
    expect(() => applyPlanEdit(plan(), { focus: ["risk", "risk"] }, { published: false })).toThrow(
      "A dimension is in the focus twice",
    );
    expect(applyPlanEdit(plan(), { focus: ["dream"], strength: "risk" }, { published: false })).toMatchObject(
      {
        focus: ["dream"],
        strength: "risk",
      },
    );
  });

  it("fixes the start once published and needs at least one check-in before the end", () => {
    expect(applyPlanEdit(plan(), { startsOn: "2026-03-09" }, { published: false }).startsOn).toBe(
      "2026-03-09",
    );
    expect(() => applyPlanEdit(plan(), { startsOn: "2026-03-09" }, { published: true })).toThrow(
      "The start date is fixed once the plan is published",
    );
    expect(applyPlanEdit(plan(), { startsOn: "2026-03-02" }, { published: true }).startsOn).toBe(
      "2026-03-02",
    );
    expect(() => applyPlanEdit(plan(), { endsOn: "2026-03-10" }, { published: false })).toThrow(
      "The plan ends before its first check-in",
    );
    expect(() => applyPlanEdit(plan(), { endsOn: "2026-03-01" }, { published: false })).toThrow(
      "The plan must end after it starts",
    );
  });

  it("validates the edit's shape with readable messages", () => {
    expect(() => parseInput(planEditSchema, { focus: [] })).toThrow(
      "Choose at least one dimension to focus on",
    );
    expect(() => parseInput(planEditSchema, { endsOn: "31/12/2026" })).toThrow("Give a day as YYYY-MM-DD");
    expect(() =>
      parseInput(planEditSchema, { actions: [{ dimension: "risk", text: "x", picked: true }] }),
    ).toThrow("Describe the action in a few words");
    expect(parseInput(planEditSchema, { woop: { wish: "  Trim me  " } })).toEqual({
      woop: { wish: "Trim me" },
    });
  });
});

describe("publishedContent", () => {
  it("moves a past start to the day of publishing and keeps a future one", () => {
    expect(publishedContent(plan(), "2026-03-20").startsOn).toBe("2026-03-20");
    expect(publishedContent(plan(), "2026-02-20").startsOn).toBe("2026-03-02");
    expect(() => checkPlanPublishable(publishedContent(plan(), "2026-05-20"))).toThrow(
      "let the plan run for at least one check-in",
    );
  });
});

describe("checkPlanPublishable", () => {
  it("passes a plan with a ticked action and a whole WOOP goal", () => {
    expect(() => checkPlanPublishable(plan())).not.toThrow();
  });

  it("says everything that is missing", () => {
    const empty = {
      ...plan(),
      actions: plan().actions.map((action) => ({ ...action, picked: false })),
      woop: { wish: "w", outcome: " ", obstacle: "", plan: "p" },
    };
    expect(() => checkPlanPublishable(empty)).toThrow(PreconditionFailedError);
    expect(() => checkPlanPublishable(empty)).toThrow(
      "The plan is not ready to publish: tick at least one action; fill in the WOOP goal (outcome, obstacle).",
    );
    expect(() => checkPlanPublishable({ ...plan(), endsOn: "2026-03-10" })).toThrow(
      "let the plan run for at least one check-in",
    );
  });
});
