// The organisation in German (issue 18): the admin sets the default language to Deutsch in Settings,
// their own page follows (they chose no language of their own), and the admin pages speak German,
// the sentences the server and the domain's schemas write included;
// at 375 px the people table and an import's check result still fit. It runs on the German server
// (tests/playwright.config.ts, "german-org"), never beside the English journeys, and leaves the
// organisation in English however it ends.
import type { Page } from "@playwright/test";
import { apiAs } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const ADMIN = "admin@acme.test";
const PHONE = { width: 375, height: 800 };

/** Whether the page scrolls sideways (it must not: wide tables scroll inside their own box). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test.afterEach(async ({ baseURL }) => {
  const api = await apiAs(baseURL ?? "", ADMIN);
  try {
    await api.mutate("settings.update", { language: "en" });
  } finally {
    await api.dispose();
  }
});

test("an admin sets the organisation to German and the admin pages speak it, also on a phone", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  await page.getByRole("combobox", { name: "Default language" }).click();
  await page.getByRole("option", { name: "Deutsch" }).click();
  await page.getByRole("button", { name: "Save settings" }).click();

  // The admin follows the organisation: the page re-renders in German.
  await expect(page.getByRole("heading", { name: "Einstellungen", level: 2 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { name: "Anonymität" })).toBeVisible();
  await expect(page.getByLabel("Anonymitätsschwelle")).toBeVisible();
  await expect(page.getByRole("button", { name: "Einstellungen speichern" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Standardsprache" })).toHaveValue("Deutsch");

  // What the domain and the server write (in English) reads German too (apps/web/src/i18n/sentence.ts):
  // a field the browser refuses with the domain's schema, before anything is sent...
  const domains = page.getByRole("combobox", { name: "Externe Domains, die für die Anonymität zählen" });
  await domains.fill("gmail.com");
  await domains.press("Enter");
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(
    page.getByText(
      "gmail.com ist ein öffentlicher E-Mail-Anbieter: Dort kann jeder eine Adresse eröffnen, daher kann die Domain für keine bewertende Person bürgen",
    ),
  ).toBeVisible();
  // ...and a field the server refuses (a token needs a name), beside the field and above the form.
  await page.getByRole("button", { name: "Token erstellen" }).click();
  await expect(page.getByText("Benennen Sie das Token nach dem System, das es verwendet")).not.toHaveCount(0);
  await expect(
    page.getByText("Benennen Sie das Token nach dem System, das es verwendet").first(),
  ).toBeVisible();
  await expect(page.getByText("Name the token after the system that uses it")).toHaveCount(0);

  await page.goto("/admin/people");
  await expect(page.getByRole("heading", { name: "Personen" })).toBeVisible();
  await expect(page.getByText(/^\d+ aktiv, \d+ deaktiviert$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Person hinzufügen" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Führungskraft" })).toBeVisible();

  await page.goto("/admin/teams");
  await expect(page.getByRole("button", { name: "Neues Team" })).toBeVisible();
  await expect(page.getByTestId("team-card").first()).toContainText("Mitglied");

  // On a phone, in the longer German words: nothing pushes the page sideways.
  await page.setViewportSize(PHONE);
  await page.goto("/admin/people");
  await expect(page.getByTestId("person-row").first()).toBeVisible();
  expect(await overflows(page)).toBe(false);

  await page.goto("/admin/import");
  // The server refuses a file it cannot read, in a sentence of the domain's, said in German.
  await page.getByLabel("…oder CSV einfügen").fill('name,email\n"Offen geblieben,offen@acme.test');
  await page.getByRole("button", { name: "Datei prüfen" }).click();
  await expect(
    page.getByText("Ein in Zeile 2 geöffnetes Anführungszeichen wird nie geschlossen"),
  ).toBeVisible();
  await page
    .getByLabel("…oder CSV einfügen")
    .fill(
      [
        "name,email,manager_email,team,roles",
        "Konstanze Wiedemann-Oberhauser,konstanze.wiedemann-oberhauser@acme.test,admin@acme.test,Qualitätssicherung,manager",
        "Kaputte Zeile,keine-adresse,,,",
      ].join("\n"),
    );
  await page.getByRole("button", { name: "Datei prüfen" }).click();
  await expect(page.getByRole("heading", { name: "Prüfergebnis" })).toBeVisible();
  await expect(page.getByTestId("import-summary")).toContainText("1 würde angelegt");
  await expect(page.getByTestId("import-row").nth(0)).toContainText("Neu");
  await expect(page.getByTestId("import-row").nth(1)).toContainText("Abgelehnt");
  await expect(page.getByRole("button", { name: "1 Änderung übernehmen" })).toBeVisible();
  expect(await overflows(page)).toBe(false);

  // Back to English through the page as well (afterEach makes sure of it either way).
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/admin/settings");
  await page.getByRole("combobox", { name: "Standardsprache" }).click();
  await page.getByRole("option", { name: "English" }).click();
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();
});
