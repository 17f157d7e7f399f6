// A reader who chooses German: the released report's headings, dimension names and scores with a
// decimal comma, and the team dashboard's heatmap, on a desktop and on a 375 px phone. Ethan Brooks
// (a demo report about him) and Morgan Reyes (dashboards of the teams holding the managers) are
// people no other journey changes; each is set back to following the organisation at the end.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const SIZES = [
  { width: 1366, height: 900 },
  { width: 375, height: 800 },
];

async function setLanguage(page: Page, baseURL: string, language: "de" | null): Promise<void> {
  const response = await page.request.post("/trpc/me.setLanguage", {
    data: { language },
    headers: { Origin: new URL(baseURL).origin },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

test("a reader who chooses German reads their report in German", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, "ethan.brooks@acme.test");
  await setLanguage(page, baseURL ?? "", "de");
  try {
    await page.goto("/reports");
    await expect(page.getByRole("heading", { name: "Berichte" })).toBeVisible();
    await page.getByRole("link", { name: "Ihr 360-Grad-Bericht" }).first().click();
    await expect(page.getByRole("heading", { name: "Ihr 360-Grad-Bericht" })).toBeVisible();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const heading of ["Profil", "Führung oder Management", "Dimension für Dimension", "Verlauf"]) {
        await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
      }
      const profile = page.getByTestId("profile-table");
      await expect(profile.getByRole("columnheader", { name: "Alle außer Ihnen" })).toBeVisible();
      const vision = profile.getByRole("row", { name: /Die Vision setzen/ });
      await expect(vision).toBeVisible();
      await expect(vision).toContainText(/\d,\d\d/);
      await expect(profile).not.toContainText(/\d\.\d\d/);
      await expect(page.getByRole("heading", { name: "Andere befähigen" })).toBeVisible();
      // The built-in questionnaire's behaviours in their German wording.
      await expect(page.getByTestId("dimension-inspire")).toContainText("Baut echte Arbeitsbeziehungen auf");
    }
  } finally {
    await setLanguage(page, baseURL ?? "", null);
  }
});

test("a manager who chooses German reads the team dashboard's heatmap in German", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "morgan.reyes@acme.test");
  await setLanguage(page, baseURL ?? "", "de");
  try {
    await page.goto("/dashboards");
    await expect(page.getByRole("heading", { name: "Team-Dashboards" })).toBeVisible();
    await page.getByRole("link", { name: "Operations" }).click();
    await expect(page.getByRole("heading", { name: "Heatmap", exact: true })).toBeVisible();

    await page.setViewportSize(SIZES[0] ?? { width: 1366, height: 900 });
    const heatmap = page.getByRole("table", {
      name: "Heatmap: Mittelwert der anderen je Person und Dimension",
    });
    await expect(heatmap.getByRole("columnheader", { name: /Inspirieren und motivieren/ })).toBeVisible();
    await expect(heatmap.getByRole("columnheader", { name: "Entwicklungsplan" })).toBeVisible();
    await heatmap.getByRole("button", { name: /Risiken eingehen/ }).click();
    await expect(heatmap.getByRole("columnheader", { name: /Risiken eingehen/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await expect(
      page.getByTestId("team-profile").getByRole("columnheader", { name: "Teammittelwert" }),
    ).toBeVisible();

    await page.setViewportSize(SIZES[1] ?? { width: 375, height: 800 });
    const cards = page.getByTestId("heatmap-cards");
    await expect(cards.getByLabel("Sortieren nach")).toBeVisible();
    await expect(cards.getByTestId("heat-cell").first()).toHaveAttribute(
      "aria-label",
      /^Inspirieren und motivieren: /,
    );
    await expect(cards.getByText("Vision", { exact: true }).first()).toBeVisible();
  } finally {
    await setLanguage(page, baseURL ?? "", null);
  }
});
