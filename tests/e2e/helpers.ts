// Shared steps for the journeys.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "fivefold-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("person-name")).toBeVisible();
}
