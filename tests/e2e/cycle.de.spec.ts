// An admin who reads German (me.setLanguage, set back in a finally) sees the cycles list, the
// new-cycle wizard up to its pre-flight (the cycle stays a draft: nothing else changes) and the
// instrument page in German, on a desktop and at 375 px. No clock is moved.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

async function setLanguage(page: Page, language: "de" | "en" | null): Promise<void> {
  // A browser's write carries its page's Origin; the API refuses a cookie from anywhere else.
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/trpc/me.setLanguage", {
    data: { language },
    headers: { origin },
  });
  expect(response.ok()).toBe(true);
}

async function germanPages(page: Page, suffix: string): Promise<void> {
  await page.goto("/admin/cycles");
  await expect(page.getByRole("heading", { name: "Zyklen", level: 2 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Zyklen" })).toContainText("Freigegeben");

  await page.getByRole("link", { name: "Neuer Zyklus" }).click();
  await expect(page.getByRole("heading", { name: "Neuer Zyklus", level: 2 })).toBeVisible();
  await page.getByRole("radio", { name: "Ausgewählte Teams" }).check();
  await page.getByRole("button", { name: "Weiter" }).click();
  await expect(page.getByRole("alert")).toHaveText("Wählen Sie mindestens ein Team");
  await page.getByRole("combobox", { name: "Teams" }).click();
  await page.getByRole("option", { name: /Customer Success/ }).click();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.getByLabel("Name").fill(`Deutscher Entwurf ${suffix} ${Date.now().toString(36)}`);
  await expect(page.getByLabel("Nominierung endet am")).toBeVisible();
  await page.getByRole("button", { name: "Weiter" }).click();
  await expect(page.getByLabel("Mindestens")).toHaveValue("3");
  await page.getByRole("button", { name: "Speichern und Vorabprüfung starten" }).click();

  await expect(page.getByTestId("preflight-summary")).toContainText("8 bewertete Person(en)");
  const table = page.getByRole("table", { name: "Probleme der Vorabprüfung" });
  await expect(table).toContainText("Zu kurz nach einem früheren Bericht");
  // The detail with its figures, in German (the server's sentence through sentences/de/data.json).
  const detail =
    /Der letzte Bericht wurde vor \d+ Tag\(en\) freigegeben, innerhalb des Vergleichszeitraums von \d+ Tagen/;
  await expect(table).toContainText(detail);
  await expect(table).not.toContainText("Their last report");
  // The CSV download writes the same German detail.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "CSV herunterladen" }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv).toMatch(detail);
  expect(csv).not.toContain("Their last report");
  await expect(page.getByRole("button", { name: "Starten", exact: true })).toBeDisabled();

  await page.goto("/admin/instrument");
  await expect(page.getByRole("heading", { name: "Fragebogen", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Risiken eingehen" }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Entwurf speichern" })).toBeVisible();
  // The preview opens in the page's language and still switches to the other one.
  const preview = page
    .getByRole("heading", { name: "Vorschau" })
    .locator("xpath=ancestor::div[contains(@class,'Card')][1]");
  await expect(preview).toContainText("Trifft eine klare Entscheidung");
  await preview.getByText("Englisch", { exact: true }).click();
  await expect(preview.getByRole("list").first()).toHaveAttribute("lang", "en");
}

test("an admin reading German sees the cycles, the wizard's pre-flight and the instrument in German", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "admin@acme.test");
  try {
    await setLanguage(page, "de");
    await germanPages(page, "desktop");
    await page.setViewportSize({ width: 375, height: 800 });
    await germanPages(page, "375");
  } finally {
    await setLanguage(page, null);
  }
});
