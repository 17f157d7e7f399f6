// Follow-up journey: on their released report, a subject picks a suggested thank-you, previews it
// and sends it once to everyone invited; the card then says it went out and offers nothing more.
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("the subject thanks their raters once from the report page", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "arjun.mehta@acme.test");
  await page.getByRole("link", { name: "Reports" }).click();
  await page.getByRole("link", { name: "Your 360 report" }).first().click();
  const card = page.getByTestId("thank-raters");
  await expect(card.getByRole("heading", { name: "Thank your raters" })).toBeVisible();

  const send = card.getByRole("button", { name: "Send to everyone invited" });
  await expect(send).toBeDisabled();
  await card.getByText("Suggestion 1").click();
  await expect(card.getByLabel("Your note")).toHaveValue(/whether or not you had the time to answer/);
  await card.getByRole("button", { name: "Preview" }).click();
  await expect(card.getByLabel("Preview")).toContainText("whether or not they answered");
  await send.click();
  await expect(card.getByRole("status")).toContainText(/Sent to the \d+ people invited to rate you/);

  await page.reload();
  await expect(page.getByTestId("thank-raters").getByRole("status")).toContainText("Sent on");
  await expect(page.getByRole("button", { name: "Send to everyone invited" })).toHaveCount(0);
});

test("the demo shows a thank-you already sent", async ({ page }) => {
  await signIn(page, "tomas.herrera@acme.test");
  await page.getByRole("link", { name: "Reports" }).click();
  await page.getByRole("link", { name: "Your 360 report" }).first().click();
  await expect(page.getByTestId("thank-raters").getByRole("status")).toContainText("Sent on");
});
