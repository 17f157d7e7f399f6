// Themes and the behaviour-first layout (issue 19), read by Mei Lin in the demo: her Autumn 2026
// report lists the comments' themes; switching to "Behaviours and actions" leads with what to keep
// and what to try next, is remembered in this browser, and axe finds nothing in either layout. Mei
// only reads here, so no other journey's subject is touched.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { apiAs } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

async function axeClean(page: Page, what: string) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300); // Mantine's transitions finish before axe reads colours.
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(" | ")})`,
    ),
    what,
  ).toEqual([]);
}

test("a subject reads the themes of their comments and switches the report to behaviours first", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const api = await apiAs(baseURL ?? "", "mei.lin@acme.test");
  // Her demo Autumn 2026 report: the collect journey may release a newer one about her meanwhile
  // (one shared server), so the report is found by its themes, not by being the latest.
  const reports = await api.query<Array<{ requestId: string }>>("reports.list");
  let requestId = "";
  for (const { requestId: id } of reports) {
    const report = await api.query<{ themes: Record<string, Array<{ label: string }>> }>("reports.get", {
      requestId: id,
    });
    if (
      Object.values(report.themes)
        .flat()
        .some((theme) => theme.label === "clear goals")
    )
      requestId = id;
  }
  await api.dispose();
  expect(requestId, "Mei Lin's demo report with themes").not.toBe("");

  await signIn(page, "mei.lin@acme.test");
  await page.goto(`/reports/${requestId}`);
  const themes = page.getByTestId("report-themes");
  await expect(themes).toContainText("clear goals");
  await expect(themes).toContainText(/\d+ responses/);
  await expect(page.getByTestId("behaviour-first")).toHaveCount(0);
  await axeClean(page, "scores first");

  await page.getByText("Behaviours and actions").click();
  const lead = page.getByTestId("behaviour-first");
  await expect(lead.getByRole("heading", { name: "Keep doing" })).toBeVisible();
  await expect(lead.getByRole("heading", { name: "Try next" })).toBeVisible();
  // The behaviours lead, before the profile's scores.
  const leadBox = await lead.boundingBox();
  const profileBox = await page.getByRole("heading", { name: "Profile" }).boundingBox();
  expect(leadBox?.y ?? 0).toBeLessThan(profileBox?.y ?? 0);
  await axeClean(page, "behaviours first");

  // Remembered in this browser for this person.
  await page.reload();
  await expect(page.getByTestId("behaviour-first")).toBeVisible();
});
