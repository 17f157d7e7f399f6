// Organisation settings (admins): thresholds, manager display, admin access to reports, reminders.
import { settingsUpdateInput } from "../features/admin/inputs";
import { getSettings, updateSettings } from "../features/admin/settings";
import { roleProcedure, router } from "../trpc/init";

export const settingsRouter = router({
  get: roleProcedure("admin").query(({ ctx }) => getSettings(ctx)),
  update: roleProcedure("admin")
    .input(settingsUpdateInput)
    .mutation(({ ctx, input }) => updateSettings(ctx, input)),
});
