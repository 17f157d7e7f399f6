// Experience polish (issue 18), in Chromium at 1366 and 375 px: the bell, adding a rater to an open
// request, focus on the rating form's steps, comment care while typing, and the 1–5 scale on a phone.
// Demo people no other journey uses: Chloé Martin and Grace Liu (raters on the seeded open requests),
// Kenji Watanabe (the subject of this journey's own request, by Elena Petrova).
import type { Page } from "@playwright/test";
import { apiAs } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 800 };

async function openInvitation(page: Page, subject: string) {
  await page.goto("/inbox");
  await page.getByRole("link", { name: new RegExp(`(Give|Continue) feedback on ${subject}`) }).click();
  await expect(page.getByRole("heading", { name: `Feedback on ${subject}` })).toBeVisible();
}

/** The data-item-index of the behaviour holding focus, or null. */
const focusedItem = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.closest("[data-item-index]")?.getAttribute("data-item-index") ?? null,
  );

test("the bell lists what needs me, opens it and marks it read, on a desktop and a phone", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, "grace.liu@acme.test");
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(/Notifications: \d+ new/);
  const before = Number((await bell.getAttribute("aria-label"))?.match(/(\d+) new/)?.[1]);
  await bell.click();
  const entry = page.getByTestId("notification").filter({ hasText: "Give feedback on Leah Cohen." });
  await expect(entry).toHaveAttribute("data-read", "false");
  await entry.getByRole("button").click();
  await expect(page).toHaveURL(/\/feedback\//);
  await expect(bell).toHaveAccessibleName(
    before - 1 === 0 ? /nothing new/ : `Notifications: ${before - 1} new`,
  );

  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(entry).toHaveAttribute("data-read", "true");
  const box = await page.getByRole("dialog", { name: "Notifications" }).boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
  // The bell fits the header of the narrowest phone the app supports (360 px).
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(bell).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("a manager adds a manager-group rater to an open request, and is told why peers cannot join", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const api = await apiAs(baseURL ?? "", "elena.petrova@acme.test");
  let requestId = "";
  try {
    const emails = ["kenji.watanabe", "oliver.grant", "jonas.lindqvist", "fatima.zahra"].map(
      (p) => `${p}@acme.test`,
    );
    const { people } = await api.query<{ people: Array<{ id: string; email: string }> }>("people.list", {
      emails,
      limit: 100,
    });
    const idOf = (email: string) => people.find((p) => p.email === email)?.id;
    ({ id: requestId } = await api.mutate<{ id: string }>("requests.create", {
      subjectId: idOf("kenji.watanabe@acme.test"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: emails.slice(1).map((email) => ({ personId: idOf(email), group: "peer" })),
    }));
  } finally {
    await api.dispose();
  }
  await page.setViewportSize(DESKTOP);
  await signIn(page, "elena.petrova@acme.test");
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.goto(`/requests/${requestId}`);
    const card = page.getByTestId("add-rater");
    await expect(card).toContainText("only a rater in the manager group can join");
    await expect(card).toContainText("picked out by the change in the counts");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(size.width);
  }
  const card = page.getByTestId("add-rater");
  await card.getByRole("combobox", { name: "Group" }).click();
  await expect(page.getByRole("option")).toHaveText(["Manager"]);
  await page.keyboard.press("Escape");
  const person = card.getByRole("combobox", { name: "Person" });
  await person.click();
  await person.fill("Morgan");
  await page.getByRole("option", { name: /Morgan Reyes/ }).click();
  await card.getByRole("button", { name: "Invite" }).click();
  await expect(card.getByRole("status")).toHaveText(
    "Invited: their invitation is in their inbox and e-mail.",
  );
  await expect(page.getByTestId("nomination").filter({ hasText: "Morgan Reyes" })).toContainText("Manager");
});

test("Next moves focus to the step's first behaviour, Review to the review's heading", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, "chloe.martin@acme.test");
  await openInvitation(page, "Amara Nwosu");
  let expected = 0;
  for (let step = 0; step < 5; step++) {
    const items = await page.locator("[data-item-index]").count();
    expected += items;
    await page.getByRole("button", { name: step === 4 ? "Review" : "Next" }).click();
    if (step < 4) {
      await expect.poll(() => focusedItem(page)).toBe(String(expected));
    }
  }
  await expect(page.getByRole("heading", { name: "Review and submit" })).toBeFocused();
  await page.getByRole("button", { name: "Back", exact: true }).click();
  await expect.poll(() => focusedItem(page)).not.toBeNull();
});

test("comment care warns about names, dates and events while typing, in the browser only", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, "chloe.martin@acme.test");
  await page.setViewportSize(PHONE);
  await openInvitation(page, "Amara Nwosu");
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/trpc/")) sent.push(request.url());
  });
  const comment = page.getByRole("textbox", { name: /^Comment on/ });
  const care = page.getByTestId("comment-care");
  await comment.fill("Amara gives clear goals and trusts people to find their way.");
  await expect(care).toHaveText("");
  await comment.fill("At the offsite on 12 March she thanked Anna in front of everyone.");
  await expect(care).toContainText("could point back to you");
  await expect(care).toContainText("“Anna”");
  await comment.fill("She thanks people in front of everyone.");
  await expect(care).toHaveText("");
  expect(sent).toEqual([]);
});

test("the 1–5 scale is one column on a phone and one row on a desktop, never a wrapped grid", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, "chloe.martin@acme.test");
  await page.setViewportSize(PHONE);
  await openInvitation(page, "Amara Nwosu");
  const radios = () => page.getByTestId("scale").first().getByRole("radio");
  const boxes = async () =>
    Promise.all((await radios().all()).map(async (r) => (await r.boundingBox()) ?? { x: -1, y: -1 }));
  const phone = await boxes();
  expect(phone).toHaveLength(6);
  expect(new Set(phone.map((b) => Math.round(b.x))).size).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.setViewportSize(DESKTOP);
  const desktop = await boxes();
  expect(new Set(desktop.map((b) => Math.round(b.y))).size).toBe(1);
});

/** WCAG contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test("the report speaks plainly and its charts read: no ghost ticks, colours apart, trend visible", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, "mei.lin@acme.test");
  await page.goto("/reports");
  await page.getByRole("link", { name: "Your 360 report" }).first().click();
  const table = page.getByTestId("profile-table");
  await expect(table.getByRole("columnheader", { name: "Everyone but you" })).toBeVisible();
  await expect(page.getByTestId("everyone-but")).toContainText("Everyone but you:");
  await expect(page.getByTestId("everyone-but")).toContainText("apart from the self-assessment");
  // Mei's raters: her manager and peers (no direct reports or others were invited).
  await expect(page.getByTestId("everyone-but")).toContainText("Everyone but you: the manager and peers,");
  await expect(page.locator("body")).not.toContainText("(pooled)");
  await expect(page.locator("body")).not.toContainText(/n=\d/);

  const radar = page.getByTestId("radar-chart");
  await expect(radar.locator("svg").first()).toBeVisible();
  expect(await radar.locator(".recharts-polar-radius-axis-tick").count()).toBe(0);
  const strokes = await radar
    .locator(".recharts-radar-polygon path")
    .evaluateAll((paths) => paths.map((p) => (p.getAttribute("stroke") ?? "").toUpperCase()));
  const others = "#0072B2";
  const manager = "#CC79A7";
  expect(strokes).toContain(others);
  if (strokes.includes(manager)) {
    expect(contrast(manager, "#FFFFFF")).toBeGreaterThanOrEqual(3);
    expect(contrast(others, "#FFFFFF")).toBeGreaterThanOrEqual(3);
  }
  expect(strokes).not.toContain("#009E73");

  const trend = page.getByTestId("trend-table");
  await expect(trend.getByRole("columnheader", { name: "Change since last cycle" })).toBeVisible();
  for (const cell of await page.getByTestId("trend-change").allTextContents()) {
    expect(cell).toMatch(/^([+−]\d\.\d|no change|—)$/);
  }
  const lines = page.locator(".recharts-line-curve");
  const dashes = await lines.evaluateAll((paths) =>
    paths.map((p) => p.getAttribute("stroke-dasharray") ?? "solid"),
  );
  expect(new Set(dashes).size).toBe(dashes.length);
  const svg = await lines.first().evaluate((p) => {
    const box = ((p as SVGGraphicsElement).ownerSVGElement as SVGSVGElement).getBoundingClientRect();
    return { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
  });
  for (const dot of await page.locator(".recharts-line-dots circle, .recharts-line-dot").all()) {
    const b = await dot.boundingBox();
    if (!b) continue;
    expect(b.x).toBeGreaterThanOrEqual(svg.left);
    expect(b.x + b.width).toBeLessThanOrEqual(svg.right);
    expect(b.y).toBeGreaterThanOrEqual(svg.top);
  }
});

test("on a phone the heatmap shows all five dimensions and the import result fits", async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, "noor.haddad@acme.test");
  await page.setViewportSize(PHONE);
  await page.goto("/dashboards");
  await page.getByRole("link", { name: "Platform Engineering" }).click();
  const cards = page.getByTestId("heatmap-cards");
  await expect(cards.getByTestId("heatmap-row").first()).toBeVisible();
  const first = cards.getByTestId("heatmap-row").first().getByTestId("heat-cell");
  await expect(first).toHaveCount(5);
  for (const cell of await first.all()) {
    const box = await cell.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true);
  }
  await expect(page.getByTestId("team-profile")).not.toContainText(/\d · \d · \d/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  await page.setViewportSize(DESKTOP);
  await page.goto("/sign-in");
  await signIn(page, "admin@acme.test");
  await page.setViewportSize(PHONE);
  await page.goto("/admin/import");
  await page
    .getByLabel("…or paste the CSV")
    .fill(
      "name,email,manager_email\nPhone Check,phone.check.person@acme.test,admin@acme.test\nBad Row,not-an-email,\n",
    );
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-row")).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const report = await page.getByTestId("import-report").boundingBox();
  expect((report?.x ?? 0) + (report?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
});

test("the admin's words: audit records by name, mail kinds, and a mailbox with the invitation links", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, "admin@acme.test");
  await page.goto("/mailbox");
  const invitation = page.getByTestId("mail").filter({ hasText: "samuel.osei@acme.test" }).first();
  await expect(invitation).toContainText("Feedback invitation");
  await invitation.getByRole("button").first().click();
  await expect(invitation.getByRole("link", { name: /\/r\// })).toBeVisible();

  await page.goto("/admin/audit");
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) {
    expect(text).not.toMatch(/\b[0-9a-f]{8}\b/);
    expect(text).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
  }
});
