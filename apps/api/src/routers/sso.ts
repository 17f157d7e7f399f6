// Single sign-on settings (admins): the organisation's OpenID provider; the client secret is write-only.
import { ssoRemoveOutput, ssoSettingsInput, ssoSettingsOutput } from "@fivefold/domain";
import { getSsoSettings, removeSsoSettings, updateSsoSettings } from "../services/admin/sso";
import { roleProcedure, router } from "../trpc/init";

export const ssoRouter = router({
  get: roleProcedure("admin")
    .output(ssoSettingsOutput)
    .query(({ ctx }) => getSsoSettings({ ctx })),
  update: roleProcedure("admin")
    .input(ssoSettingsInput)
    .output(ssoSettingsOutput)
    .mutation(({ ctx, input }) => updateSsoSettings({ ctx, input })),
  remove: roleProcedure("admin")
    .output(ssoRemoveOutput)
    .mutation(({ ctx }) => removeSsoSettings({ ctx })),
});
