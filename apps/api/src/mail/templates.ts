// The e-mails Fivefold sends, in the product's words and in their recipient's language (the
// texts are in locales/<language>.json; the caller decides the language when it enqueues).
import { anonymityPromise, type DateDisplay, type Language, type RaterGroup } from "@fivefold/domain";
import { mailDay, mailT } from "./i18n";
import { composeMail, escapeHtml, type RenderedMail } from "./render";

export function invitationMail(input: {
  language: Language;
  subjectName: string;
  group: RaterGroup;
  deadline: Date;
  threshold: number;
  link: string;
  inApp: boolean;
  /** The organisation's time zone for the deadline, when it has one (else UTC). */
  dates?: Pick<DateDisplay, "timeZone">;
}): RenderedMail {
  const t = mailT(input.language);
  const self = input.group === "self";
  const day = mailDay(input.language, input.deadline, input.dates);
  return composeMail({
    subject: self ? t("invitation.subject.self") : t("invitation.subject.other", { name: input.subjectName }),
    paragraphs: [
      self ? t("invitation.intro.self") : t("invitation.intro.other", { name: input.subjectName }),
      anonymityPromise(input.group, input.threshold, input.language),
      input.inApp ? t("common.answerByInApp", { day }) : t("common.answerBy", { day }),
      t("common.personalLink"),
    ],
    action: { label: self ? t("common.rateYourself") : t("common.giveFeedback"), url: input.link },
  });
}

type ReportReleasedMailInput = {
  language: Language;
  /** The subject's name; null when they are gone (the mail then says "the person"). */
  subjectName: string | null;
  isSubject: boolean;
  released: boolean;
  /** Why no report came of it, when none did. */
  reason?: "too_few_raters" | "too_close_to_earlier";
  link: string;
};

/** The report mail written through i18next every time: what `reportReleasedMail` must equal. */
export function composeReportReleasedMail(input: ReportReleasedMailInput): RenderedMail {
  const t = mailT(input.language);
  const name = input.subjectName ?? t("report.unnamed");
  if (!input.released) {
    return composeMail({
      subject: input.isSubject
        ? t("report.insufficient.subject.own")
        : t("report.insufficient.subject.other", { name }),
      paragraphs:
        input.reason === "too_close_to_earlier"
          ? [t("report.insufficient.tooClose"), t("report.insufficient.tooCloseNext")]
          : [t("report.insufficient.tooFew"), t("report.insufficient.tooFewNext")],
    });
  }
  return composeMail({
    subject: input.isSubject
      ? t("report.released.subject.own")
      : t("report.released.subject.other", { name }),
    paragraphs: [input.isSubject ? t("report.released.body.own") : t("report.released.body.other", { name })],
    action: { label: t("report.released.action"), url: input.link },
  });
}

// Marks where the name and the link go in a mail written once per kind; neither the texts nor
// escapeHtml can produce or change them.
const NAME_SLOT = "\uE000name\uE000";
const LINK_SLOT = "\uE000link\uE000";
const SLOTS = /\uE000(name|link)\uE000/;

/** A text cut at its slots: literal parts at even places, slot names at odd ones. */
type Cut = string[];
const cut = (text: string): Cut => text.split(SLOTS);

function fill(parts: Cut, name: string, link: string): string {
  if (parts.length === 1) return parts[0] as string;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) out += (parts[i] === "name" ? name : link) + parts[i + 1];
  return out;
}

/** The report mail of each kind and language, with slots for the name and the link (at most 24 a language). */
const reportMailKinds = new Map<string, { subject: Cut; text: Cut; html: Cut }>();

/**
 * The subject's and the requester's mail that the report is out, or why there is none. A release
 * sends two per request that differ only by the subject's name and the link, so each kind is
 * written through i18next once and the name and link are put in after (escaped in the HTML as
 * composeMail escapes them): the same mail as `composeReportReleasedMail`, a fraction of the CPU.
 */
export function reportReleasedMail(input: ReportReleasedMailInput): RenderedMail {
  const reason = input.released ? "" : (input.reason ?? "too_few_raters");
  const named = input.subjectName !== null;
  const key = `${input.language}:${input.isSubject}:${input.released}:${reason}:${named}`;
  let kind = reportMailKinds.get(key);
  if (!kind) {
    const mail = composeReportReleasedMail({
      ...input,
      subjectName: named ? NAME_SLOT : null,
      link: LINK_SLOT,
    });
    kind = { subject: cut(mail.subject), text: cut(mail.text), html: cut(mail.html) };
    reportMailKinds.set(key, kind);
  }
  const name = input.subjectName ?? "";
  const htmlName = escapeHtml(name);
  return {
    subject: fill(kind.subject, name, input.link),
    text: fill(kind.text, name, input.link),
    html: fill(kind.html, htmlName, escapeHtml(input.link)),
  };
}

/**
 * The automatic reminder to a rater who has not answered yet. It goes to them alone, says nothing
 * of who else has or has not answered, and carries a fresh personal link (the earlier one stops).
 */
export function reminderMail(input: {
  language: Language;
  /** The subject's name; null when they are gone (the mail then says "a colleague"). */
  subjectName: string | null;
  group: RaterGroup;
  deadline: Date;
  threshold: number;
  link: string;
  inApp: boolean;
  /** The organisation's time zone for the deadline, when it has one (else UTC). */
  dates?: Pick<DateDisplay, "timeZone">;
}): RenderedMail {
  const t = mailT(input.language);
  const self = input.group === "self";
  const day = mailDay(input.language, input.deadline, input.dates);
  const name = input.subjectName ?? t("reminder.unnamed");
  return composeMail({
    subject: self ? t("reminder.subject.self", { day }) : t("reminder.subject.other", { name, day }),
    paragraphs: [
      self ? t("reminder.intro.self") : t("reminder.intro.other", { name }),
      anonymityPromise(input.group, input.threshold, input.language),
      input.inApp ? t("reminder.closesInApp", { day }) : t("reminder.closes", { day }),
      t("reminder.personal"),
    ],
    action: { label: self ? t("common.rateYourself") : t("common.giveFeedback"), url: input.link },
  });
}

export function passwordMail(input: {
  language: Language;
  name: string;
  firstTime: boolean;
  link: string;
}): RenderedMail {
  const t = mailT(input.language);
  return composeMail({
    subject: input.firstTime ? t("password.subject.first") : t("password.subject.reset"),
    paragraphs: [
      t("password.greeting", { name: input.name.split(" ")[0] }),
      input.firstTime ? t("password.body.first") : t("password.body.reset"),
      t("password.once"),
    ],
    action: {
      label: input.firstTime ? t("password.action.first") : t("password.action.reset"),
      url: input.link,
    },
  });
}
