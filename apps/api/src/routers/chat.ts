// Chat notices: the organisation's Slack connection (admins; the bot token and the webhook are
// write-only), and each person's choice of e-mail, chat or both.
import {
  chatRemoveOutput,
  chatSettingsInput,
  chatSettingsOutput,
  notifyByInput,
  notifyByOutput,
} from "@fivefold/domain";
import {
  getChatSettings,
  getNotifyBy,
  removeChatSettings,
  setNotifyBy,
  updateChatSettings,
} from "../services/chat/settings";
import { memberProcedure, roleProcedure, router } from "../trpc/init";

export const chatRouter = router({
  get: roleProcedure("admin")
    .output(chatSettingsOutput)
    .query(({ ctx }) => getChatSettings({ ctx })),
  update: roleProcedure("admin")
    .input(chatSettingsInput)
    .output(chatSettingsOutput)
    .mutation(({ ctx, input }) => updateChatSettings({ ctx, input })),
  remove: roleProcedure("admin")
    .output(chatRemoveOutput)
    .mutation(({ ctx }) => removeChatSettings({ ctx })),
  preference: memberProcedure.output(notifyByOutput).query(({ ctx }) => getNotifyBy({ ctx })),
  setPreference: memberProcedure
    .input(notifyByInput)
    .output(notifyByOutput)
    .mutation(({ ctx, input }) => setNotifyBy({ ctx, input })),
});
