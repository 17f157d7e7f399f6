// Collect journey: a manager requests feedback, six raters answer (one through the one-time link),
// the manager sees 6/6, closes, and the request is released. Then a manager cancels another request,
// and a rater's draft stays on their device (never on the server) until they submit.

import { apiAs } from "./api";
import { expect, test } from "./fixtures";
import { rateAndSubmit, rateWithKeyboardAndSubmit, signIn, signOut } from "./helpers";

test.describe.configure({ mode: "serial" });

const subject = "Mei Lin";
const peers = ["Tomás Herrera", "Aisha Bello", "Lukas Becker", "Sofia Rossi"];

test("a manager collects feedback from six raters and releases the report", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, "daniel.okafor@acme.test");
  await page.getByRole("link", { name: "Feedback requests" }).click();
  await page.getByRole("link", { name: "Request feedback" }).click();

  await page.getByRole("combobox", { name: "Who is the feedback about?" }).click();
  await page.getByRole("option", { name: subject }).click();
  const peerBox = page.getByRole("combobox", { name: "Peers" });
  for (const peer of peers) {
    await peerBox.click();
    await peerBox.fill(peer.split(" ")[0] ?? peer);
    await page.getByRole("option", { name: new RegExp(peer) }).click();
  }
  await expect(page.getByTestId("anonymous-count")).toHaveText("4 anonymous raters selected");
  await page.getByRole("button", { name: "Open the request" }).click();
  await expect(page.getByRole("heading", { name: `Feedback on ${subject}` })).toBeVisible();
  await expect(page.getByTestId("progress-total")).toHaveText("0/6 answered");
  const requestUrl = page.url();

  // The manager rates too, from the inbox.
  await page.getByRole("link", { name: "Inbox" }).click();
  await page.getByRole("link", { name: `Give feedback on ${subject}` }).click();
  await expect(page.getByText("Not anonymous")).toBeVisible();
  await rateAndSubmit(page, 4);
  await signOut(page);

  // The subject rates themself with the keyboard only.
  await signIn(page, "mei.lin@acme.test");
  await page.getByRole("link", { name: "Inbox" }).click();
  await page.getByRole("link", { name: `Give feedback on ${subject}` }).click();
  await expect(page.getByRole("heading", { name: "Your self-assessment" })).toBeVisible();
  await rateWithKeyboardAndSubmit(page, 5);
  await signOut(page);

  // Three peers answer in their inbox.
  for (const [i, peer] of peers.slice(0, 3).entries()) {
    const email = `${peer
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(" ", ".")}@acme.test`;
    await signIn(page, email);
    await page.getByRole("link", { name: "Inbox" }).click();
    await page.getByRole("link", { name: `Give feedback on ${subject}` }).click();
    await expect(page.getByText("Anonymous", { exact: true })).toBeVisible();
    await rateAndSubmit(page, 2 + i);
    await signOut(page);
  }

  // The fourth answers through the one-time link from the demo mailbox, without signing in.
  await signIn(page, "admin@acme.test");
  await page.getByRole("link", { name: "Mailbox" }).click();
  // Other journeys invite Sofia too: take the invitation about this subject, the newest first.
  const mail = page
    .getByTestId("mail")
    .filter({ hasText: "sofia.rossi@acme.test" })
    .filter({ hasText: `${subject} would value your feedback` })
    .first();
  await mail.getByRole("button").first().click();
  const link = await mail.getByRole("link", { name: /\/r\// }).getAttribute("href");
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{22}$/);
  await signOut(page);
  const stranger = await browser.newContext();
  const linkPage = await stranger.newPage();
  await linkPage.goto(new URL(link ?? "", page.url()).pathname);
  await expect(linkPage.getByRole("heading", { name: `Feedback on ${subject}` })).toBeVisible();
  await rateAndSubmit(linkPage, 3);
  await linkPage.reload();
  await expect(linkPage.getByText("Thank you")).toBeVisible();
  await stranger.close();

  // The manager sees every answer counted and closes.
  await signIn(page, "daniel.okafor@acme.test");
  await page.goto(requestUrl);
  await expect(page.getByTestId("progress-total")).toHaveText("6/6 answered");
  await page.getByRole("button", { name: "Close and release" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Close and release" }).click();
  await expect(page.getByTestId("state")).toHaveText("Released");
  await page.getByRole("link", { name: "Feedback requests" }).click();
  // Newest first: the request just closed heads the list (the demo's earlier cycles follow).
  await expect(
    page.getByTestId("request-card").filter({ hasText: subject }).first().getByTestId("state"),
  ).toHaveText("Released");

  // The subject reads what came of it.
  await signOut(page);
  await signIn(page, "mei.lin@acme.test");
  await page.getByRole("link", { name: "Reports" }).click();
  await page.getByRole("link", { name: "Your 360 report" }).first().click();
  await expect(page.getByRole("heading", { name: "Your 360 report" })).toBeVisible();
  await expect(page.getByTestId("summary-table").getByRole("row", { name: /Peers/ })).toContainText("4");
  await expect(page.getByTestId("profile-table").getByRole("row")).toHaveCount(6);
  await expect(page.getByTestId("blind-spots")).toContainText("Inspire & motivate");
  await expect(page.getByTestId("trend-table")).toBeVisible(); // with the demo's two earlier cycles
});

test("a manager cancels an open request after confirming, and it says so", async ({ page, baseURL }) => {
  const manager = await apiAs(baseURL ?? "", "daniel.okafor@acme.test");
  let requestId: string;
  try {
    const people = (
      await manager.query<{ people: Array<{ id: string; email: string }> }>("people.list", {
        emails: ["lukas.becker@acme.test"],
        limit: 100,
      })
    ).people;
    const lukas = people.find((p) => p.email === "lukas.becker@acme.test");
    ({ id: requestId } = await manager.mutate<{ id: string }>("requests.create", {
      subjectId: lukas?.id,
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: ["ana", "ben", "cy"].map((local) => ({ email: `${local}@partner.example`, group: "other" })),
    }));
  } finally {
    await manager.dispose();
  }

  await signIn(page, "daniel.okafor@acme.test");
  await page.goto(`/requests/${requestId}`);
  await page.getByRole("button", { name: "Cancel the request" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this request?" });
  await expect(dialog).toContainText("deleted unread");
  await dialog.getByRole("button", { name: "Keep the request" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Close and release" })).toBeVisible();

  await page.getByRole("button", { name: "Cancel the request" }).click();
  await dialog.getByRole("button", { name: "Cancel the request" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("This request was stopped before it closed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Close and release" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel the request" })).toHaveCount(0);
});

test("a rater's draft stays on this device: back after a reload, gone once submitted", async ({ page }) => {
  const drafts = () =>
    page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith("fivefold.draft.")));
  await signIn(page, "samuel.osei@acme.test");
  await page.getByRole("link", { name: "Inbox" }).click();
  await page.getByRole("link", { name: "Give feedback on Leah Cohen" }).click();
  await expect(page.getByRole("heading", { name: "Feedback on Leah Cohen" })).toBeVisible();

  const groups = page.getByRole("radiogroup");
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole("radio", { name: /^4 / }).check();
  await page.getByLabel(/^Comment on/).fill("Rallies the team before every launch");
  await expect(page.getByTestId("draft-status")).toHaveText("Draft kept on this device");
  // Kept under the invitation's id, in this browser only.
  const keys = await drafts();
  expect(keys).toHaveLength(1);
  expect(page.url()).toContain(keys[0]?.replace("fivefold.draft.", "") ?? "missing");

  await page.reload();
  await expect(page.getByLabel(/^Comment on/)).toHaveValue("Rallies the team before every launch");
  for (let i = 0; i < count; i++) {
    await expect(groups.nth(i).getByRole("radio", { name: /^4 / })).toBeChecked();
  }
  await page.getByRole("link", { name: "Inbox" }).click();
  await expect(page.getByTestId("inbox-item").filter({ hasText: "Leah Cohen" })).toContainText(
    "Draft on this device",
  );
  await page.getByRole("link", { name: "Continue feedback on Leah Cohen" }).click();
  await rateAndSubmit(page, 3);
  expect(await drafts()).toEqual([]);
});
