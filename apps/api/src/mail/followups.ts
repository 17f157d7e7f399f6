// The subject's thank-you to every rater who was invited (issue 19). One text for all who read the
// same language: no greeting by name, no word on whether this reader answered, so two recipients
// comparing mails see the same.
import type { Language } from "@fivefold/domain";
import { mailT } from "./i18n";
import { composeMail, type RenderedMail } from "./render";

export function raterThanksMail(input: {
  language: Language;
  subjectName: string;
  text: string;
}): RenderedMail {
  const t = mailT(input.language);
  const name = input.subjectName;
  return composeMail({
    subject: t("thanks.subject", { name }),
    paragraphs: [
      t("thanks.intro", { name }),
      ...input.text.split(/\n\s*\n/).map((paragraph) => t("thanks.quote", { text: paragraph.trim() })),
      t("thanks.replies", { name }),
    ],
  });
}
