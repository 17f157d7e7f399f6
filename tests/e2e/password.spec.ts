// Setting a password through the e-mailed link: asked for on the sign-in page, read in the demo
// mailbox, followed without a session, then used to sign in.
import { expect, test } from "./fixtures";
import { signIn, signOut } from "./helpers";

test("a person sets a new password through the e-mailed link and signs in with it", async ({
  page,
  browser,
}) => {
  const email = "ingrid.halvorsen@acme.test";
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "First time here, or forgot your password?" }).click();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("Check your e-mail")).toBeVisible();

  await signIn(page, "admin@acme.test");
  await page.getByRole("link", { name: "Mailbox" }).click();
  const mail = page
    .getByTestId("mail")
    .filter({ hasText: "Reset your Fivefold password" })
    .filter({ hasText: email })
    .first();
  await mail.getByRole("button").first().click();
  const link = await mail.getByRole("link", { name: /reset-password/ }).getAttribute("href");
  expect(link).toContain("/reset-password?token=");
  await signOut(page);

  const fresh = await browser.newContext();
  const resetPage = await fresh.newPage();
  const url = new URL(link ?? "", page.url());
  await resetPage.goto(url.pathname + url.search);
  await resetPage.getByRole("textbox", { name: "New password" }).fill("ingrid-new-password");
  await resetPage.getByRole("textbox", { name: "Repeat it" }).fill("ingrid-new-password");
  await resetPage.getByRole("button", { name: "Save my password" }).click();
  await expect(resetPage.getByText("Password saved")).toBeVisible();
  await resetPage.getByLabel("E-mail").fill(email);
  await resetPage.getByRole("textbox", { name: "Password" }).fill("ingrid-new-password");
  await resetPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(resetPage.getByTestId("person-name")).toHaveText("Ingrid Halvorsen");

  // The link works once.
  const again = await fresh.newPage();
  await again.goto(url.pathname + url.search);
  await again.getByRole("textbox", { name: "New password" }).fill("yet-another-password");
  await again.getByRole("textbox", { name: "Repeat it" }).fill("yet-another-password");
  await again.getByRole("button", { name: "Save my password" }).click();
  await expect(again.getByRole("alert")).toContainText("expired or was already used");
  await fresh.close();
});
