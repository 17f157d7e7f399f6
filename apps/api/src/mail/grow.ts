// The e-mails of the grow journey: partner invitations and answers, check-in due and overdue, in
// their recipient's language. None of them quotes a report figure: partners and leads never see
// the report.
import type { DimensionKey, Language } from "@fivefold/domain";
import { mailDay, mailT } from "./i18n";
import { composeMail, type RenderedMail } from "./render";

type Role = "partner" | "lead";

export function partnerInvitationMail(input: {
  language: Language;
  subjectName: string;
  role: Role;
  focus: readonly DimensionKey[];
  wish: string;
  link: string;
}): RenderedMail {
  const t = mailT(input.language);
  const name = input.subjectName;
  const focus = input.focus.map((key) => t(`grow.dimension.${key}`)).join(t("grow.focusJoiner"));
  return composeMail({
    subject: t("grow.invitation.subject", { name }),
    paragraphs: [
      t("grow.invitation.intro", { name, focus, role: t(`grow.role.${input.role}`) }),
      ...(input.wish ? [t("grow.invitation.goal", { wish: input.wish })] : []),
      input.role === "lead" ? t("grow.invitation.lead") : t("grow.invitation.partner"),
      t("grow.invitation.planOnly"),
    ],
    action: { label: t("grow.invitation.action"), url: input.link },
  });
}

export function partnerResponseMail(input: {
  language: Language;
  partnerName: string;
  role: Role;
  accepted: boolean;
  link: string;
}): RenderedMail {
  const t = mailT(input.language);
  const name = input.partnerName;
  const role = t(`grow.role.${input.role}`);
  return composeMail({
    subject: input.accepted
      ? t("grow.response.subject.accepted", { name })
      : t("grow.response.subject.declined", { name }),
    paragraphs: [
      input.accepted
        ? t("grow.response.accepted", { name, role })
        : t("grow.response.declined", { name, role }),
    ],
    action: { label: t("grow.openYourPlan"), url: input.link },
  });
}

/** To the other side when a circle shrinks: the owner removed a member, or a member stepped down. */
export function circleChangeMail(
  input: { language: Language; role: Role; link: string } & (
    | { change: "removed"; ownerName: string }
    | { change: "left"; memberName: string }
  ),
): RenderedMail {
  const t = mailT(input.language);
  const role = t(`grow.role.${input.role}`);
  return input.change === "removed"
    ? composeMail({
        subject: t("grow.removed.subject", { name: input.ownerName }),
        paragraphs: [t("grow.removed.body", { name: input.ownerName, role }), t("grow.removed.noLonger")],
        action: { label: t("grow.removed.action"), url: input.link },
      })
    : composeMail({
        subject: t("grow.left.subject", { name: input.memberName }),
        paragraphs: [t("grow.left.body", { name: input.memberName, role })],
        action: { label: t("grow.openYourPlan"), url: input.link },
      });
}

export function checkinDueMail(input: { language: Language; dueOn: string; link: string }): RenderedMail {
  const t = mailT(input.language);
  return composeMail({
    subject: t("grow.checkinDue.subject"),
    paragraphs: [
      t("grow.checkinDue.body", { day: mailDay(input.language, input.dueOn) }),
      t("grow.checkinDue.partners"),
    ],
    action: { label: t("grow.logCheckin"), url: input.link },
  });
}

export function checkinOverdueMail(input: {
  language: Language;
  subjectName: string;
  isSubject: boolean;
  dueOn: string;
  link: string;
}): RenderedMail {
  const t = mailT(input.language);
  const day = mailDay(input.language, input.dueOn);
  const name = input.subjectName;
  return input.isSubject
    ? composeMail({
        subject: t("grow.overdueOwn.subject"),
        paragraphs: [t("grow.overdueOwn.body", { day }), t("grow.overdueOwn.leadTold")],
        action: { label: t("grow.logCheckin"), url: input.link },
      })
    : composeMail({
        subject: t("grow.overdueLead.subject", { name }),
        paragraphs: [t("grow.overdueLead.body", { name, day }), t("grow.overdueLead.nudge")],
        action: { label: t("grow.overdueLead.action"), url: input.link },
      });
}
