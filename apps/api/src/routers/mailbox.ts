// The demo mailbox: without SMTP, admins read the organisation's outbox here.
import { mailboxOutput } from "@fivefold/domain";
import { listMailbox } from "../services/mail/mailbox";
import { roleProcedure, router } from "../trpc/init";

export const mailboxRouter = router({
  list: roleProcedure("admin")
    .output(mailboxOutput)
    .query(({ ctx }) => listMailbox({ ctx })),
});
