// The web app runs under its Content-Security-Policy (docs/security.md, "Headers"): no page of a
// tour through the app makes Chromium refuse a script, a style or a request, and the document
// carries the policy, no-referrer and the framing ban.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

function recordViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

test("the app runs under its CSP: no refused script, style or request on a tour of its pages", async ({
  page,
}) => {
  const violations = recordViolations(page);
  const document = await page.goto("/sign-in");
  const headers = document?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  await signIn(page, "admin@acme.test");
  await expect(page.getByTestId("org-name")).toHaveText("Acme");
  for (const path of [
    "/inbox",
    "/requests",
    "/reports",
    "/plans",
    "/dashboards",
    "/admin/people",
    "/admin/settings",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading").first()).toBeVisible();
  }
  await page.goto("/r/not-a-real-link");
  await expect(page.getByRole("heading").first()).toBeVisible();

  // A coach's team dashboard (the heatmap) and a released report (its charts).
  await page.context().clearCookies();
  await signIn(page, "noor.haddad@acme.test");
  await page.getByRole("link", { name: "Team dashboards" }).click();
  await page.getByRole("link", { name: "Platform Engineering" }).click();
  await expect(page.getByRole("heading", { name: "Platform Engineering" })).toBeVisible();
  const row = page.getByTestId("heatmap-row").first();
  const name = (await row.getByRole("rowheader").locator("a").innerText()).trim();
  await row.getByTestId("heat-cell").first().click();
  await expect(page.getByRole("heading", { name: `360 report: ${name}` })).toBeVisible();
  await expect(page.locator("svg").first()).toBeVisible();
  expect(violations).toEqual([]);
});
