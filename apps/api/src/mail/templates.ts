// The e-mails Fivefold sends, in the product's words.
import { anonymityPromise, type DateDisplay, type RaterGroup } from "@fivefold/domain";
import { composeMail, formatDay, type RenderedMail } from "./render";

export function invitationMail(input: {
  subjectName: string;
  group: RaterGroup;
  deadline: Date;
  threshold: number;
  link: string;
  inApp: boolean;
  /** The organisation's locale and time zone for the deadline, when it has them (else UTC, en-GB). */
  dates?: Omit<DateDisplay, "month">;
}): RenderedMail {
  const self = input.group === "self";
  return composeMail({
    subject: self ? "Your 360 self-assessment is open" : `${input.subjectName} would value your feedback`,
    paragraphs: [
      self
        ? "Your 360 feedback has started. Rate yourself on the five leadership dimensions so your report can show where others see you differently."
        : `You have been asked to give feedback on ${input.subjectName}: how often you see them inspire, set the vision, empower others, dream bigger and take risks. It takes about ten minutes.`,
      anonymityPromise(input.group, input.threshold),
      `Please answer by ${formatDay(input.deadline, input.dates)}.${input.inApp ? " You can also answer from your Fivefold inbox." : ""}`,
      "The link below is personal: do not forward it.",
    ],
    action: { label: self ? "Rate yourself" : "Give feedback", url: input.link },
  });
}

export function reportReleasedMail(input: {
  subjectName: string;
  isSubject: boolean;
  released: boolean;
  /** Why no report came of it, when none did. */
  reason?: "too_few_raters" | "too_close_to_earlier";
  link: string;
}): RenderedMail {
  if (!input.released) {
    return composeMail({
      subject: input.isSubject
        ? "Your 360 closed without a report"
        : `${input.subjectName}'s 360 closed without a report`,
      paragraphs:
        input.reason === "too_close_to_earlier"
          ? [
              "The raters who answered were nearly the same people as in an earlier report, and every figure would have differed from that report by fewer people than the anonymity threshold: comparing the two would have singled someone out, so no figures were released.",
              "A later request with a clearly different set of raters, or after the organisation's comparison window, can be released.",
            ]
          : [
              "Too few anonymous raters answered for a report to be shown without singling anyone out, so no figures were released.",
              "You can start a new request with more raters.",
            ],
    });
  }
  return composeMail({
    subject: input.isSubject ? "Your 360 report is ready" : `${input.subjectName}'s 360 report is ready`,
    paragraphs: [
      input.isSubject
        ? "Your 360 feedback has closed and your report is ready: see where others see you on the five leadership dimensions, and turn it into a plan."
        : `The 360 feedback you requested for ${input.subjectName} has closed and the report is ready.`,
    ],
    action: { label: "Open the report", url: input.link },
  });
}

/**
 * The automatic reminder to a rater who has not answered yet. It goes to them alone, says nothing
 * of who else has or has not answered, and carries a fresh personal link (the earlier one stops).
 */
export function reminderMail(input: {
  subjectName: string;
  group: RaterGroup;
  deadline: Date;
  threshold: number;
  link: string;
  inApp: boolean;
  /** The organisation's locale and time zone for the deadline, when it has them (else UTC, en-GB). */
  dates?: Omit<DateDisplay, "month">;
}): RenderedMail {
  const self = input.group === "self";
  return composeMail({
    subject: self
      ? `Reminder: your 360 self-assessment closes on ${formatDay(input.deadline, input.dates)}`
      : `Reminder: feedback on ${input.subjectName} closes on ${formatDay(input.deadline, input.dates)}`,
    paragraphs: [
      self
        ? "Your self-assessment is still open. It lets your report show where others see you differently, and takes about ten minutes."
        : `You were asked for feedback on ${input.subjectName} and there is still time to answer. It takes about ten minutes.`,
      anonymityPromise(input.group, input.threshold),
      `The request closes on ${formatDay(input.deadline, input.dates)}.${input.inApp ? " You can also answer from your Fivefold inbox." : ""}`,
      "This link replaces the one in your first e-mail. It is personal: do not forward it. If you have already answered or declined, ignore this e-mail.",
    ],
    action: { label: self ? "Rate yourself" : "Give feedback", url: input.link },
  });
}

export function passwordMail(input: { name: string; firstTime: boolean; link: string }): RenderedMail {
  return composeMail({
    subject: input.firstTime ? "Set your Fivefold password" : "Reset your Fivefold password",
    paragraphs: [
      `Hello ${input.name.split(" ")[0]},`,
      input.firstTime
        ? "Choose a password to sign in to Fivefold, where you give and receive 360 feedback and follow your coaching plan."
        : "Someone (hopefully you) asked to reset your Fivefold password. If it was not you, ignore this e-mail: nothing changes.",
      "The link works once, for three days.",
    ],
    action: { label: input.firstTime ? "Set my password" : "Reset my password", url: input.link },
  });
}
