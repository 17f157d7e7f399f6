// Understand journey: a released report read by its subject in Chromium: radar and table, a blind
// spot, comments, printing to PDF, and no serious accessibility violations.
import AxeBuilder from "@axe-core/playwright";
import { releaseReport } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("the subject reads, prints and downloads their released report", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const peers = ["mei.lin", "tomas.herrera", "aisha.bello", "lukas.becker"];
  const requestId = await releaseReport(baseURL ?? "", {
    managerEmail: "daniel.okafor@acme.test",
    subjectEmail: "ravi.iyer@acme.test",
    raters: [
      { email: "ravi.iyer@acme.test", group: "self", score: () => 5 },
      { email: "daniel.okafor@acme.test", group: "manager", score: () => 3 },
      ...peers.map((peer, i) => ({
        email: `${peer}@acme.test`,
        group: "peer" as const,
        score: (itemId: string) => (itemId.startsWith("vision") ? 4 : 2 + (i % 2)),
        comments: [{ dimension: "empower", text: `Gives us room to decide (${i + 1}).` }],
      })),
    ],
  });

  await signIn(page, "ravi.iyer@acme.test");
  await page.getByRole("link", { name: "Reports" }).click();
  await page.getByRole("link", { name: "Your 360 report" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/reports/${requestId}$`));
  await expect(page.getByRole("heading", { name: "Your 360 report" })).toBeVisible();

  await expect(page.getByTestId("radar-chart").locator("svg").first()).toBeVisible();
  const table = page.getByTestId("profile-table");
  await expect(table.getByRole("row")).toHaveCount(6);
  await expect(table.getByRole("row", { name: /Set the vision/ })).toContainText("3.80");
  await expect(page.getByTestId("blind-spots")).toContainText("Empower others");
  await expect(page.getByTestId("dimension-empower").getByTestId("comments")).toContainText(
    "Gives us room to decide",
  );
  await expect(page.getByTestId("spectrum-row")).toHaveCount(5);

  // The next step, a plan, is in the first screen, on a phone too (the report runs to thousands of px).
  for (const size of [
    { width: 1366, height: 900 },
    { width: 375, height: 800 },
  ]) {
    await page.setViewportSize(size);
    const nextStep = page.getByTestId("next-step");
    await expect(nextStep.getByRole("button", { name: "Make my plan" })).toBeVisible();
    const box = await nextStep.boundingBox();
    expect((box?.y ?? Number.POSITIVE_INFINITY) + (box?.height ?? 0)).toBeLessThanOrEqual(size.height);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  const accessibility = await new AxeBuilder({ page }).analyze();
  const serious = accessibility.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    ),
  ).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const csv = await (await download).path();
  expect(csv).toBeTruthy();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(20_000);
});

test("someone who may not read a report is told so", async ({ page, baseURL }) => {
  const requestId = await releaseReport(baseURL ?? "", {
    managerEmail: "elena.petrova@acme.test",
    subjectEmail: "jonas.lindqvist@acme.test",
    raters: ["fatima.zahra", "oliver.grant", "chloe.martin"].map((p) => ({
      email: `${p}@acme.test`,
      group: "peer" as const,
      score: () => 3,
    })),
  });
  await signIn(page, "fatima.zahra@acme.test");
  await page.goto(`/reports/${requestId}`);
  await expect(page.getByRole("alert")).toContainText("Only the person");
});
