// Shared steps for the journeys.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "fivefold-demo";

/**
 * Signs in through the form and checks the server signed in the person asked for: a journey that
 * goes on as someone else fails here, naming both, instead of later on a missing row.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in/email"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const response = await answer;
  const sent = response.request().postDataJSON() as { email?: string } | null;
  const body = (await response.json().catch(() => null)) as { user?: { email?: string } } | null;
  expect(
    { sent: sent?.email, status: response.status(), signedIn: body?.user?.email },
    "the sign-in answered for the person asked for",
  ).toEqual({ sent: email, status: 200, signedIn: email });
  await expect(page.getByTestId("person-name")).toBeVisible();
}

/** Rates every behaviour of the open rating form with `score` (clicking), then submits and confirms. */
export async function rateAndSubmit(page: Page, score = 4): Promise<void> {
  for (let step = 0; step < 5; step++) {
    const groups = page.getByRole("radiogroup");
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      await groups
        .nth(i)
        .getByRole("radio", { name: new RegExp(`^${score} `) })
        .check();
    }
    await page.getByRole("button", { name: step === 4 ? "Review" : "Next" }).click();
  }
  await page.getByRole("button", { name: "Submit feedback" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Thank you")).toBeVisible();
}

/** Rates with the keyboard only: digits choose, Enter moves on. */
export async function rateWithKeyboardAndSubmit(page: Page, score = 3): Promise<void> {
  for (let step = 0; step < 5; step++) {
    await page.getByRole("radiogroup").first().getByRole("radio").first().focus();
    const count = await page.getByRole("radiogroup").count();
    for (let i = 0; i < count; i++) {
      await page.keyboard.press(String(score));
      await page.keyboard.press("Enter");
    }
    await page.getByRole("button", { name: step === 4 ? "Review" : "Next" }).click();
  }
  await page.getByRole("button", { name: "Submit feedback" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Thank you")).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}
