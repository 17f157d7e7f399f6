// The actions editor's values, checked with the domain's rule for an action (a few words, at most
// PLAN_LIMITS.actionText characters), and turned into the edit the API takes.
import { type ActionStatus, type DimensionKey, PLAN_LIMITS, planActionEditSchema } from "@fivefold/domain";
import { useForm } from "@mantine/form";
import i18next from "i18next";
import { z } from "zod";
import { schemaResolver } from "../../lib/form";

export interface ActionDraft {
  /** Absent for an action added here in the owner's own words. */
  id?: string;
  dimension: DimensionKey;
  text: string;
  picked: boolean;
  status?: ActionStatus;
}

export type ActionsValues = { actions: ActionDraft[] };

// The message is looked up when the check fails, not at module load: in the page's language.
const actionsSchema = z.object({
  actions: z.array(planActionEditSchema).max(PLAN_LIMITS.maxActions, {
    error: () => i18next.t("plan:actions.tooMany", { max: PLAN_LIMITS.maxActions }),
  }),
});

export function useActionsForm(actions: ActionDraft[]) {
  return useForm<ActionsValues>({
    initialValues: { actions },
    validate: schemaResolver<ActionsValues>(actionsSchema),
  });
}

export function toActionEdits(actions: ActionDraft[]) {
  return actions.map((a) => ({
    ...(a.id ? { id: a.id } : {}),
    dimension: a.dimension,
    text: a.text,
    picked: a.picked,
    ...(a.status ? { status: a.status } : {}),
  }));
}
