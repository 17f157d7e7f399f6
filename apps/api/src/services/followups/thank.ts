// followups.thank: the subject's one thank-you, written to every rater who was invited, answered or
// not, counted or not, colleague or external (never to the subject, never to an erased person), so
// that getting it says nothing about having answered. Once per request, safe when two sends race.
import { claimRaterThanks, listThankYouInvitations } from "@fivefold/db";
import {
  ConflictError,
  type ThankRatersInput,
  type ThankRatersOutput,
  thankYouRecipients,
} from "@fivefold/domain";
import { raterThanksMail } from "../../mail/followups";
import { mailLanguagesOf } from "../../mail/i18n";
import { enqueueMail } from "../../mail/outbox";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { loadOwnReleasedReport } from "./access";

export function thankRaters({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: ThankRatersInput;
}): Promise<ThankRatersOutput> {
  return withTransaction(ctx, async (ctx) => {
    const report = await loadOwnReleasedReport(ctx, input.requestId);
    const invitations = await listThankYouInvitations(ctx.db, ctx.org.id, report.requestId);
    const recipients = thankYouRecipients(invitations, report.subjectId);
    const claimed = await claimRaterThanks(ctx.db, {
      orgId: ctx.org.id,
      requestId: report.requestId,
      sentAt: nowOf(ctx),
      mails: recipients.addresses.length,
    });
    if (!claimed) {
      throw new ConflictError("You have already thanked the raters of this report: it can be sent once");
    }
    // The same mail to each who reads its language; its meta names the request only (the
    // subject's erasure removes them), never the rater or their invitation.
    const languageOf = await mailLanguagesOf(ctx.db, ctx.org.id, recipients.addresses);
    for (const to of recipients.addresses) {
      await enqueueMail(ctx.db, {
        orgId: ctx.org.id,
        template: "rater_thanks",
        to,
        meta: { requestId: report.requestId },
        ...raterThanksMail({ language: languageOf(to), subjectName: report.subjectName, text: input.text }),
      });
    }
    await auditAs(
      ctx,
      "followups.thank",
      { type: "feedback_request", id: report.requestId },
      {
        mails: recipients.addresses.length,
      },
    );
    // What the report already shows the subject, never the mails written: those would tell them
    // how many of their raters have been erased since (docs/security.md, "Thanking the raters").
    return { sent: recipients.addressed };
  });
}
