// The web app runs under its Content-Security-Policy (docs/security.md, "Headers"): no page of a
// tour through the app makes Chromium refuse a script, a style or a request, and the document
// carries the policy, no-referrer and the framing ban.
import { expect, type Page, test } from "@playwright/test";
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
  expect(violations).toEqual([]);
});
