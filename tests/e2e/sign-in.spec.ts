// Foundation journey: sign in to the demo organisation and see who you are.
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, signIn } from "./helpers";

test("admin signs in and sees the organisation and role in the shell", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, "admin@acme.test");
  await expect(page.getByTestId("org-name")).toHaveText("Acme");
  await expect(page.getByTestId("person-name")).toHaveText("Alex Admin");
  await expect(page.getByTestId("roles")).toContainText("admin");
  await expect(page.getByRole("heading", { name: "Welcome, Alex" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill("admin@acme.test");
  await page.getByRole("textbox", { name: "Password" }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("do not match");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing in works on localhost as well as 127.0.0.1", async ({ page, baseURL }) => {
  const localhost = (baseURL ?? "").replace("127.0.0.1", "localhost");
  await page.goto(`${localhost}/sign-in`);
  await page.getByLabel("E-mail").fill("noor.haddad@acme.test");
  await page.getByRole("textbox", { name: "Password" }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("roles")).toContainText("coach");
});
