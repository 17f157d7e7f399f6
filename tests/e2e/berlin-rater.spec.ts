// A rater in Berlin: the deadline reads as the invitation e-mail says it (days are UTC, so the end of
// a deadline day, already tomorrow on a Berlin clock, is still that day), keeping the draft on this
// device as you type sends nothing to the server (one autosave, at most one request), and the
// comment counter counts an emoji once, as the server's limit does.

import { apiAs } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test.use({ timezoneId: "Europe/Berlin" });

const RATERS = ["ethan.brooks", "mateo.silva", "priya.raman"];

test("a Berlin rater sees the e-mail's deadline, and the autosaved draft sends no request", async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? "";
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  // How the e-mail writes that day (UTC), with the pages' short month.
  const shown = new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const manager = await apiAs(base, "rachel.stein@acme.test");
  let requestId = "";
  try {
    const people = (
      await manager.query<{ people: Array<{ id: string; email: string }> }>("people.list", {
        emails: ["kwame.mensah@acme.test", ...RATERS.map((name) => `${name}@acme.test`)],
        limit: 100,
      })
    ).people;
    const id = (email: string) => {
      const person = people.find((p) => p.email === email);
      if (!person) throw new Error(`no person ${email}`);
      return person.id;
    };
    ({ id: requestId } = await manager.mutate<{ id: string }>("requests.create", {
      subjectId: id("kwame.mensah@acme.test"),
      deadline: day, // ends at 23:59:59.999 UTC: 00:59 the next day in Berlin
      raters: RATERS.map((name) => ({ personId: id(`${name}@acme.test`), group: "peer" })),
    }));
  } finally {
    await manager.dispose();
  }

  const rater = await apiAs(base, "priya.raman@acme.test");
  const inbox = await rater.query<Array<{ invitationId: string; requestId: string }>>("inbox.list");
  await rater.dispose();
  const invitation = inbox.find((i) => i.requestId === requestId);
  if (!invitation) throw new Error("Priya Raman was not invited");

  await signIn(page, "priya.raman@acme.test");
  await page.getByRole("link", { name: "Inbox" }).click();
  await expect(
    page.getByTestId("inbox-item").filter({ hasText: "Kwame Mensah" }).filter({ hasText: shown }),
  ).toHaveCount(1);
  await page.goto(`/feedback/${invitation.invitationId}`);
  await expect(page.getByRole("heading", { name: "Feedback on Kwame Mensah" })).toBeVisible();
  await expect(page.getByText(`answer by ${shown}`)).toBeVisible();
  await page.waitForLoadState("networkidle");

  // One autosave: rate a behaviour and write a comment; the draft is kept in this browser only.
  const sent: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/trpc")) sent.push(request.url());
  });
  await page.getByRole("radiogroup").first().getByRole("radio", { name: /^4 / }).check();
  await page.getByLabel(/^Comment on/).fill("Clear priorities 👍👍");
  await expect(page.getByTestId("draft-status")).toHaveText("Draft kept on this device");
  await page.waitForTimeout(1_000);
  expect(sent.length).toBeLessThanOrEqual(1);
  // 19 characters as the server counts them (each emoji once), not 21 UTF-16 units.
  await expect(page.getByTestId("comment-length")).toHaveText("19/2000");

  // The manager, also in Berlin, reads the same day on the request.
  await page.context().clearCookies();
  await signIn(page, "rachel.stein@acme.test");
  await page.goto(`/requests/${requestId}`);
  await expect(page.getByText(`deadline ${shown}`)).toBeVisible();
});
