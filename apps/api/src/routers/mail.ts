// E-mail delivery (admins): failed and stuck mails, also when SMTP is on, and sending them again.
import { mailProblemsOutput, resendMailInput, resendMailOutput } from "@fivefold/domain";
import { listMailProblems, resendMail } from "../services/mail/delivery";
import { roleProcedure, router } from "../trpc/init";

export const mailRouter = router({
  problems: roleProcedure("admin")
    .output(mailProblemsOutput)
    .query(({ ctx }) => listMailProblems({ ctx })),
  resend: roleProcedure("admin")
    .input(resendMailInput)
    .output(resendMailOutput)
    .mutation(({ ctx, input }) => resendMail({ ctx, input })),
});
