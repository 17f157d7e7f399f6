// The pulse's invitation (issue 19): the same text to every rater of the report who reads its
// language, answered or not, so the mail says nothing about whether its reader answered back then.
import type { Language } from "@fivefold/domain";
import { mailDay, mailT } from "./i18n";
import { composeMail, type RenderedMail } from "./render";

export function pulseInvitationMail(input: {
  language: Language;
  /** The subject's name; null when they are gone (the mail then says "your colleague"). */
  subjectName: string | null;
  since: string;
  deadline: Date;
  threshold: number;
  link: string;
  inApp: boolean;
}): RenderedMail {
  const t = mailT(input.language);
  const name = input.subjectName ?? t("pulse.unnamed");
  const since = mailDay(input.language, new Date(`${input.since}T12:00:00Z`));
  const day = mailDay(input.language, input.deadline);
  return composeMail({
    subject: t("pulse.subject", { name, since }),
    paragraphs: [
      t("pulse.intro", { name, since }),
      t("pulse.anonymous", { name, threshold: input.threshold }),
      input.inApp ? t("common.answerByInApp", { day }) : t("common.answerBy", { day }),
      t("common.personalLink"),
    ],
    action: { label: t("pulse.action"), url: input.link },
  });
}
