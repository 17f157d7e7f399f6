import { describe, expect, it } from "vitest";
import type { ItemHighlight } from "../report";
import { ACTIONS_PER_BEHAVIOUR, behaviourFocus } from "./behaviours";
import { ACTION_CATALOGUE } from "./catalogue";

const item = (itemId: string, mean: number): ItemHighlight => ({
  itemId,
  dimension: itemId.split(".")[0] as ItemHighlight["dimension"],
  text: `Behaviour ${itemId}`,
  mean,
  n: 5,
});

describe("behaviourFocus", () => {
  it("lists the behaviours to keep and to work on without their scores, each to work on with actions that practise it", () => {
    const focus = behaviourFocus({ highest: [item("vision.1", 4.6)], lowest: [item("inspire.2", 2.1)] });
    expect(focus.keep).toEqual([{ itemId: "vision.1", dimension: "vision", text: "Behaviour vision.1" }]);
    expect(JSON.stringify(focus)).not.toMatch(/mean|"n"/);
    const [workOn] = focus.workOn;
    expect(workOn?.actions.length).toBeGreaterThan(0);
    expect(workOn?.actions.length).toBeLessThanOrEqual(ACTIONS_PER_BEHAVIOUR);
    for (const action of workOn?.actions ?? []) {
      expect(ACTION_CATALOGUE.inspire.find((a) => a.id === action.id)?.items).toContain("inspire.2");
    }
  });

  it("falls back to the dimension's first actions for a behaviour no action names", () => {
    const focus = behaviourFocus({ highest: [], lowest: [item("risk.99", 1.5)] });
    expect(focus.workOn[0]?.actions.map((a) => a.id)).toEqual(
      ACTION_CATALOGUE.risk.slice(0, ACTIONS_PER_BEHAVIOUR).map((a) => a.id),
    );
  });
});
