// Perceived-change pulse journeys (issue 19), on the demo's own pulses: Tomás's plan holds a
// released one (no other journey schedules on it); Omar's collects now, and Ibrahim, one of his
// raters, answers it from the inbox with the keyboard alone. Nothing here opens a request.
import AxeBuilder from "@axe-core/playwright";
import { apiAs } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("the owner and the coach read perceived change; a partner on the plan never sees it", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await apiAs(baseURL ?? "", "tomas.herrera@acme.test");
  const plans = await api.query<Array<{ id: string; state: string }>>("plans.list");
  await api.dispose();
  const planId = plans.find((p) => p.state === "active")?.id;
  if (!planId) throw new Error("Tomás Herrera has no active plan");
  await signIn(page, "tomas.herrera@acme.test");
  await page.goto(`/plans/${planId}`);
  const card = page.getByTestId("pulse-card");
  await expect(card.getByRole("heading", { name: "Perceived change" })).toBeVisible();
  await expect(card.getByTestId("pulse-status")).toContainText("Released");
  const rows = card.getByTestId("perceived-change-row");
  await expect(rows.first()).toBeVisible();
  await expect(card.getByText("Hidden: too few raters").first()).toBeVisible();
  // The next pulse is proposed eight weeks after publishing, within the window.
  await expect(card.getByLabel("Day the pulse opens")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.waitForTimeout(300);
  const axe = await new AxeBuilder({ page }).include('[data-testid="pulse-card"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.context().clearCookies();
  await signIn(page, "mei.lin@acme.test");
  await page.goto(`/support/plans/${planId}`);
  await expect(page.getByTestId("plan-progress")).toBeVisible();
  await expect(page.getByTestId("pulse-card")).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, "noor.haddad@acme.test");
  await page.getByRole("link", { name: "Team dashboards" }).first().click();
  await page
    .getByRole("link", { name: /Platform Engineering/ })
    .first()
    .click();
  const section = page.getByTestId("perceived-change");
  await expect(section.getByRole("heading", { name: "Perceived change" })).toBeVisible();
  await expect(section.getByRole("table").first()).toContainText("Tomás Herrera");
});

test("a rater answers the pulse from the inbox with the keyboard, and the form is axe-clean", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "ibrahim.diallo@acme.test");
  await page.getByRole("link", { name: "Inbox" }).first().click();
  await page.getByRole("link", { name: "Answer the pulse on Omar Farouk" }).click();
  await expect(page.getByRole("heading", { name: "Has Omar Farouk changed?" })).toBeVisible();
  const groups = page.getByRole("radiogroup");
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    // Focus "no change", then the arrow key moves to +1 and chooses it.
    await groups.nth(i).getByRole("radio", { name: "0: No change" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(groups.nth(i).getByRole("radio", { name: "+1: Slightly more effective" })).toBeChecked();
  }
  await page.getByLabel(/One idea for Omar Farouk/).fill("Keep the weekly open door going.");
  await page.waitForTimeout(300);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByRole("button", { name: "Send my answer" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("pulse-done")).toContainText("Your answer is sealed");

  await page.getByRole("link", { name: "Inbox" }).first().click();
  await expect(page.getByTestId("inbox-pulse")).toContainText(/Submitted|Answered/i);
});
