// The subject's thank-you to every rater who was invited (issue 19). One text for all: no greeting
// by name, no word on whether this reader answered, so two recipients comparing mails see the same.
import { composeMail, type RenderedMail } from "./render";

export function raterThanksMail(input: { subjectName: string; text: string }): RenderedMail {
  return composeMail({
    subject: `A note from ${input.subjectName} after their 360 feedback`,
    paragraphs: [
      `${input.subjectName} asked Fivefold to pass this on to everyone who was invited to give them feedback, whether or not they answered. Fivefold has not told them, and never tells them, who answered.`,
      ...input.text.split(/\n\s*\n/).map((paragraph) => `“${paragraph.trim()}”`),
      `Replies to this e-mail reach nobody: if you have ideas for ${input.subjectName}, tell them yourself, in person or in your own words.`,
    ],
  });
}
