// The e-mails of the grow journey: partner invitations and answers, check-in due and overdue.
// None of them quotes a report figure: partners and leads never see the report.
import { formatDay } from "@fivefold/domain";
import { composeMail, type RenderedMail } from "./render";

const roleWords = { partner: "an accountability partner", lead: "the accountability lead" } as const;

export function partnerInvitationMail(input: {
  subjectName: string;
  role: "partner" | "lead";
  focusNames: string[];
  wish: string;
  link: string;
}): RenderedMail {
  return composeMail({
    subject: `${input.subjectName} asks you to support their coaching plan`,
    paragraphs: [
      `${input.subjectName} is working on a coaching plan (${input.focusNames.join(" and ")}) and would like you to be ${roleWords[input.role]}.`,
      ...(input.wish ? [`Their goal: “${input.wish}”.`] : []),
      input.role === "lead"
        ? "As the lead you hold them to their check-ins: you see the plan, their progress and their notes, and you hear from Fivefold when a check-in is overdue."
        : "As a partner you see the plan, their progress and their notes, and you can encourage them after each check-in.",
      "You will see the plan, never their feedback report. You can accept or decline in Fivefold.",
    ],
    action: { label: "Answer the invitation", url: input.link },
  });
}

export function partnerResponseMail(input: {
  partnerName: string;
  role: "partner" | "lead";
  accepted: boolean;
  link: string;
}): RenderedMail {
  return composeMail({
    subject: `${input.partnerName} ${input.accepted ? "accepted" : "declined"} your invitation`,
    paragraphs: [
      input.accepted
        ? `${input.partnerName} will support your coaching plan as ${roleWords[input.role]}.`
        : `${input.partnerName} cannot be ${roleWords[input.role]} on your coaching plan this time. You can invite someone else.`,
    ],
    action: { label: "Open your plan", url: input.link },
  });
}

/** To the other side when a circle shrinks: the owner removed a member, or a member stepped down. */
export function circleChangeMail(
  input: { role: "partner" | "lead"; link: string } & (
    | { change: "removed"; ownerName: string }
    | { change: "left"; memberName: string }
  ),
): RenderedMail {
  return input.change === "removed"
    ? composeMail({
        subject: `${input.ownerName} changed their support circle`,
        paragraphs: [
          `${input.ownerName} no longer needs you as ${roleWords[input.role]} on their coaching plan. Thank you for your support.`,
          "You no longer see the plan or its check-ins.",
        ],
        action: { label: "Open the plans you support", url: input.link },
      })
    : composeMail({
        subject: `${input.memberName} stepped down from your support circle`,
        paragraphs: [
          `${input.memberName} can no longer be ${roleWords[input.role]} on your coaching plan. You can invite someone else.`,
        ],
        action: { label: "Open your plan", url: input.link },
      });
}

export function checkinDueMail(input: { dueOn: string; link: string }): RenderedMail {
  return composeMail({
    subject: "Time for your coaching plan check-in",
    paragraphs: [
      `Your check-in is due today, ${formatDay(input.dueOn, { month: "long" })}: note your progress, the status of each action and what happened.`,
      "Your partners will see it and can encourage you.",
    ],
    action: { label: "Log your check-in", url: input.link },
  });
}

export function checkinOverdueMail(input: {
  subjectName: string;
  isSubject: boolean;
  dueOn: string;
  link: string;
}): RenderedMail {
  const day = formatDay(input.dueOn, { month: "long" });
  return input.isSubject
    ? composeMail({
        subject: "Your coaching plan check-in is overdue",
        paragraphs: [
          `Your check-in due on ${day} has not been logged. A short one is better than none: note where you are and what got in the way.`,
          "Your accountability lead has been told as well.",
        ],
        action: { label: "Log your check-in", url: input.link },
      })
    : composeMail({
        subject: `${input.subjectName}'s check-in is overdue`,
        paragraphs: [
          `${input.subjectName}'s coaching plan check-in due on ${day} has not been logged.`,
          "As their accountability lead, a friendly word from you may help them get back on track.",
        ],
        action: { label: "Open the plan", url: input.link },
      });
}
