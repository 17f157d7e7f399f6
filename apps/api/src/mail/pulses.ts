// The pulse's invitation (issue 19): the same text to every rater of the report, answered or not,
// so the mail says nothing about whether its reader answered back then.
import { composeMail, formatDay, type RenderedMail } from "./render";

export function pulseInvitationMail(input: {
  subjectName: string;
  since: string;
  deadline: Date;
  threshold: number;
  link: string;
  inApp: boolean;
}): RenderedMail {
  return composeMail({
    subject: `Two minutes: has ${input.subjectName} changed since ${formatDay(new Date(`${input.since}T12:00:00Z`))}?`,
    paragraphs: [
      `You were asked for feedback on ${input.subjectName} a while ago. Since ${formatDay(new Date(`${input.since}T12:00:00Z`))} they have been working on a few behaviours; a handful of quick questions ask whether you have seen them become more or less effective at each.`,
      `Your answers are anonymous: ${input.subjectName} and their coach see only averages over at least ${input.threshold} people, never who answered or what one person said.`,
      `Please answer by ${formatDay(input.deadline)}.${input.inApp ? " You can also answer from your Fivefold inbox." : ""}`,
      "The link below is personal: do not forward it.",
    ],
    action: { label: "Answer the pulse", url: input.link },
  });
}
