// Organisation settings (admins): thresholds, manager display, admin access to reports, reminders.
import { settingsOutput, settingsUpdateInput } from "@fivefold/domain";
import { getSettings, updateSettings } from "../services/admin/settings";
import { roleProcedure, router } from "../trpc/init";

export const settingsRouter = router({
  get: roleProcedure("admin")
    .output(settingsOutput)
    .query(({ ctx }) => getSettings({ ctx })),
  update: roleProcedure("admin")
    .input(settingsUpdateInput)
    .output(settingsOutput)
    .mutation(({ ctx, input }) => updateSettings({ ctx, input })),
});
