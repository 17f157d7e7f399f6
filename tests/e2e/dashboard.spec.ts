// Coach journey: the team dashboard, sorted, drilled into a report; and the same page with a
// generated 500-person team (DEMO_LARGE_TEAM in playwright.config.ts) staying usable.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

async function visionColumn(page: Page): Promise<number[]> {
  const rows = page.getByTestId("heatmap-row");
  const values: number[] = [];
  const count = Math.min(await rows.count(), 8);
  for (let i = 0; i < count; i++) {
    const text = await rows.nth(i).getByRole("cell").nth(1).innerText();
    values.push(text.trim() === "—" ? Number.NaN : Number(text));
  }
  return values;
}

test("a coach opens the team dashboard, sorts the heatmap and opens a report from a cell", async ({
  page,
}) => {
  await signIn(page, "noor.haddad@acme.test");
  await page.getByRole("link", { name: "Team dashboards" }).click();
  await page.getByRole("link", { name: "Platform Engineering" }).click();
  await expect(page.getByRole("heading", { name: "Platform Engineering" })).toBeVisible();
  const rows = page.getByTestId("heatmap-row");
  await expect(rows).toHaveCount(8);
  await expect(
    page.getByTestId("team-profile").getByRole("row", { name: /Set the vision/ }),
  ).not.toContainText("Hidden");
  await expect(page.getByTestId("team-trend")).toContainText("Spring 2026");

  const accessibility = await new AxeBuilder({ page }).analyze();
  const serious = accessibility.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")} ${n.failureSummary}`)
          .join(" | ")}`,
    ),
  ).toEqual([]);

  await page.getByRole("button", { name: /Set the vision/ }).click();
  await expect(page.getByRole("columnheader", { name: /Set the vision/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const sorted = (await visionColumn(page)).filter((v) => !Number.isNaN(v));
  expect(sorted.length).toBeGreaterThan(2);
  expect([...sorted].sort((a, b) => b - a)).toEqual(sorted);

  // Drill down to a coachee's plan, and back.
  await expect(page.getByTestId("attention")).toContainText("Aisha Bello");
  await page.getByRole("link", { name: "Open Aisha's plan" }).click();
  await expect(page.getByRole("heading", { name: "Aisha Bello's coaching plan" })).toBeVisible();
  await page.goBack();
  await page.getByRole("button", { name: /Set the vision/ }).click();

  const firstName = (await rows.first().getByRole("rowheader").locator("a").innerText()).trim();
  await rows.first().getByTestId("heat-cell").first().click();
  await expect(page.getByRole("heading", { name: `360 report: ${firstName}` })).toBeVisible();
});

test("the heatmap stays usable with a 500-person team", async ({ page }) => {
  await signIn(page, "noor.haddad@acme.test");
  await page.goto("/dashboards");
  await page.getByRole("link", { name: /Scale test/ }).click();
  const rows = page.getByTestId("heatmap-row");
  await expect(rows).toHaveCount(500, { timeout: 20_000 });
  await expect(page.getByTestId("team-profile").getByRole("row", { name: /Take risks/ })).toContainText(
    "500",
  );

  await page.getByRole("button", { name: /Take risks/ }).click();
  await expect(page.getByRole("columnheader", { name: /Take risks/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await page.getByRole("button", { name: /Take risks/ }).click();
  await expect(page.getByRole("columnheader", { name: /Take risks/ })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );

  const last = rows.last();
  await last.scrollIntoViewIfNeeded();
  const name = (await last.getByRole("rowheader").locator("a").innerText()).trim();
  await last.getByTestId("heat-cell").first().click();
  await expect(page.getByRole("heading", { name: `360 report: ${name}` })).toBeVisible();
});
