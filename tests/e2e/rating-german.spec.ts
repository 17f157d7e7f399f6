// A rater who reads German opens their one-time link without signing in: the page speaks their
// language (their own choice here; the organisation's default otherwise), the behaviours, the
// scale and the anonymity promise are German, and the submit is sealed like any other.
// Demo data no other journey touches: Rachel Stein asks about Lucía Fernández; Noah Fischer rates.

import { apiAs } from "./api";
import { expect, test } from "./fixtures";

const RATER = "noah.fischer@acme.test";
const SUBJECT = "Lucía Fernández";

test("a German rater answers through the one-time link, in German", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? "";

  // Noah chooses German for himself; the organisation stays English.
  const noah = await apiAs(base, RATER);
  try {
    await noah.mutate("me.setLanguage", { language: "de" });
  } finally {
    await noah.dispose();
  }

  const manager = await apiAs(base, "rachel.stein@acme.test");
  let requestId = "";
  try {
    const emails = ["lucia.fernandez@acme.test", RATER, "victor.dubois@acme.test"];
    const people = (
      await manager.query<{ people: Array<{ id: string; email: string }> }>("people.list", {
        emails,
        limit: 100,
      })
    ).people;
    const id = (email: string) => people.find((p) => p.email === email)?.id ?? "";
    ({ id: requestId } = await manager.mutate<{ id: string }>("requests.create", {
      subjectId: id("lucia.fernandez@acme.test"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: [
        { personId: id(RATER), group: "peer" },
        { personId: id("victor.dubois@acme.test"), group: "peer" },
        { email: "lena@partner.example", group: "other" },
      ],
    }));
  } finally {
    await manager.dispose();
  }

  // The invitation's one-time link, from the demo mailbox (the newest mail to Noah with a link).
  const admin = await apiAs(base, "admin@acme.test");
  let link = "";
  try {
    const mails = await admin.query<Array<{ to: string; text: string; createdAt: string }>>("mailbox.list");
    const mine = mails
      .filter((m) => m.to === RATER && m.text.includes(SUBJECT) && /\/r\/[A-Za-z0-9_-]{22}/.test(m.text))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    link = mine[0]?.text.match(/\/r\/[A-Za-z0-9_-]{22}/)?.[0] ?? "";
  } finally {
    await admin.dispose();
  }
  expect(link, `an invitation to ${RATER} about request ${requestId}`).toMatch(/^\/r\//);

  // Not signed in, in an English browser: the page follows Noah's choice.
  const stranger = await browser.newContext({ locale: "en-GB" });
  const page = await stranger.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Feedback zu ${SUBJECT}` })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByText("Anonym", { exact: true })).toBeVisible();
  await expect(
    page.getByText(/^Ihre Antworten sind anonym: Sie werden nur zusammen mit denen von mindestens 3/),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Inspirieren und motivieren" })).toBeVisible();
  // The behaviours in German (version 1's German wording), the scale too.
  await expect(
    page.getByRole("radiogroup", {
      name: "Sucht die Zustimmung des Teams zum weiteren Vorgehen, statt nur Anweisungen zu verteilen",
    }),
  ).toBeVisible();
  await expect(page.getByRole("radio", { name: "4 Oft" }).first()).toBeVisible();
  await expect(page.getByRole("radio", { name: "Nicht beobachtet" }).first()).toBeVisible();
  await expect(page.getByText("Sucht die Zustimmung des Teams", { exact: false })).toBeVisible();

  // Rate every behaviour and submit; the submit carries the answers by key and no language.
  const submits: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.includes("responses.submitByToken"))
      submits.push(request.postData() ?? "");
  });
  for (let step = 0; step < 5; step++) {
    const groups = page.getByRole("radiogroup");
    const count = await groups.count();
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole("radio", { name: /^4 / }).check();
    await page.getByRole("button", { name: step === 4 ? "Überprüfen" : "Weiter" }).click();
  }
  await expect(page.getByRole("heading", { name: "Überprüfen und absenden" })).toBeVisible();
  await page.getByRole("button", { name: "Feedback absenden" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Absenden" }).click();
  await expect(page.getByText("Vielen Dank")).toBeVisible();
  await expect(page.getByText(`Ihr Feedback zu ${SUBJECT} ist versiegelt.`, { exact: false })).toBeVisible();
  expect(submits).toHaveLength(1);
  expect(submits[0]).toContain('"itemId":"inspire.1"');
  expect(submits[0]).not.toMatch(/lang|"de"|locale/i);

  // The link, once used, still reads German and says it is done.
  await page.reload();
  await expect(page.getByText("Vielen Dank")).toBeVisible();
  await stranger.close();
});
