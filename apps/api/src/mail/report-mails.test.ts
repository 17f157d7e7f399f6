// The report mails a release sends are written once per kind and language with the name and the
// link put in afterwards; they must be the very mails i18next writes for each request, whatever
// the name holds (HTML, i18next's own syntax, the slot marks themselves).
import { LANGUAGES } from "@fivefold/domain";
import { describe, expect, it } from "vitest";
import { composeReportReleasedMail, reportReleasedMail } from "./templates";

const names = [
  "Ada Lovelace",
  null,
  `<b>O'Brien & "Sons"</b>`,
  "{{name}} $t(report.unnamed) {{link}}",
  "\uE000link\uE000 and \uE000name\uE000",
  "",
];
const links = ["https://app.example/reports/1", `https://app.example/r?a=1&b="2"<x>`];

describe("reportReleasedMail", () => {
  it("equals the mail written through i18next for every kind, language, name and link", () => {
    let compared = 0;
    for (const language of LANGUAGES)
      for (const isSubject of [true, false])
        for (const [released, reason] of [
          [true, undefined],
          [false, "too_few_raters"],
          [false, "too_close_to_earlier"],
          [false, undefined],
        ] as const)
          for (const subjectName of names)
            for (const link of links) {
              const input = {
                language,
                subjectName,
                isSubject,
                released,
                link,
                ...(reason ? { reason } : {}),
              };
              // Twice: the first writes the kind, the second reuses it.
              expect(reportReleasedMail(input)).toEqual(composeReportReleasedMail(input));
              expect(reportReleasedMail(input)).toEqual(composeReportReleasedMail(input));
              compared++;
            }
    expect(compared).toBe(LANGUAGES.length * 2 * 4 * names.length * links.length);
  });

  it("puts the name and the link where they belong, escaped in the HTML only", () => {
    const mail = reportReleasedMail({
      language: "en",
      subjectName: "A&B",
      isSubject: false,
      released: true,
      link: "https://x.test/?a=1&b=2",
    });
    expect(mail.subject).toContain("A&B");
    expect(mail.text).toContain("https://x.test/?a=1&b=2");
    expect(mail.html).toContain("A&amp;B");
    expect(mail.html).toContain('href="https://x.test/?a=1&amp;b=2"');
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain("\uE000");
  });
});
