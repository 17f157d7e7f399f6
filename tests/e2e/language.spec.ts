// Languages (issue 18): a German browser is greeted in German before sign-in; a person who chooses
// Deutsch on the profile reads the navigation and dates in German at once and after a reload, and
// goes back to the organisation's language (English) with one choice. Each screen size has its own
// demo person whom no other journey reads, and the person's choice is undone at the end, since the
// journeys share one demo server.
import { apiAs } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 800 };
/** A day as German writes it: "31. Dez. 2026", "3. März 2026". */
const GERMAN_DAY =
  /\b\d{1,2}\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}\b/;

test.describe("a browser set to German", () => {
  test.use({ locale: "de-DE" });

  test("sees the sign-in page in German", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { name: "Bei Fivefold anmelden" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "E-Mail" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Anmelden", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toHaveCount(0);
  });

  test("reads why a sign-in is refused in German, never Better Auth's English", async ({ page }) => {
    await page.goto("/sign-in");
    const email = page.getByRole("textbox", { name: "E-Mail" });
    const password = page.getByRole("textbox", { name: "Passwort" });
    const submit = page.getByRole("button", { name: "Anmelden", exact: true });
    const alert = page.getByRole("alert");

    // A wrong password.
    await email.fill("admin@acme.test");
    await password.fill("not-the-password");
    await submit.click();
    await expect(alert).toContainText("E-Mail-Adresse und Passwort passen nicht zusammen");

    // An address that is none (Better Auth: "Invalid email").
    await email.fill("admin@acme");
    await submit.click();
    await expect(alert).toContainText("Das ist keine E-Mail-Adresse");
    await expect(alert).not.toContainText("Invalid");

    // Too many wrong passwords for one account (10 in 15 minutes; an address no journey signs in
    // with): the edge's refusal, with its wait, in German.
    const locked = "nobody.locked.out@acme.test";
    for (let i = 0; i < 10; i++) {
      await page.request.post("/api/auth/sign-in/email", {
        data: { email: locked, password: "wrong-password" },
      });
    }
    await email.fill(locked);
    await submit.click();
    await expect(alert).toContainText(
      /Zu viele falsche Passwörter für dieses Konto: Versuchen Sie es in \d+ Minuten erneut\./,
    );
  });
});

for (const screen of [
  { name: "desktop", viewport: DESKTOP, email: "oliver.grant@acme.test" },
  { name: "phone", viewport: PHONE, email: "isabel.duarte@acme.test" },
]) {
  test.describe(`on a ${screen.name}`, () => {
    test.afterEach(async ({ baseURL }) => {
      // However the journey ended, the person follows the organisation again.
      const api = await apiAs(baseURL ?? "", screen.email);
      await api.mutate("me.setLanguage", { language: null });
      await api.dispose();
    });

    test("a person chooses Deutsch on the profile and back", async ({ page }) => {
      await signIn(page, screen.email);
      await page.setViewportSize(screen.viewport);
      const phone = screen.viewport.width < 768;
      const nav = page.getByRole("navigation");
      const openNav = async (name: string) => {
        if (phone) await page.getByRole("button", { name }).click();
      };

      await openNav("Toggle navigation");
      await nav.getByRole("link", { name: "Profile" }).click();
      await expect(page.getByRole("heading", { name: "Profile", level: 2 })).toBeVisible();
      const language = page.getByRole("combobox", { name: "Language" });
      await expect(language).toHaveValue("organisation");
      await expect(page.getByText("e-mails it sends you")).toBeVisible();
      await language.selectOption({ label: "Deutsch" });

      // At once, without a reload: the page and its navigation speak German.
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expect(page.getByRole("heading", { name: "Profil", level: 2 })).toBeVisible();
      await expect(page.getByRole("combobox", { name: "Sprache" })).toHaveValue("de");
      await openNav("Navigation ein- oder ausblenden");
      await expect(nav.getByRole("link", { name: "Posteingang" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Inbox" })).toHaveCount(0);

      // After a reload too: the choice is the person's, kept on the server.
      await page.reload();
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expect(page.getByRole("heading", { name: "Profil", level: 2 })).toBeVisible();
      await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();

      // Dates are written the German way (the inbox lists invitations and deadlines, home the reports).
      await openNav("Navigation ein- oder ausblenden");
      await nav.getByRole("link", { name: "Start" }).click();
      await expect(page.getByRole("heading", { name: /^Willkommen, / })).toBeVisible();
      await expect(page.getByText(GERMAN_DAY).first()).toBeVisible();

      // Back to the organisation's language, English.
      await openNav("Navigation ein- oder ausblenden");
      await nav.getByRole("link", { name: "Profil" }).click();
      await page
        .getByRole("combobox", { name: "Sprache" })
        .selectOption({ label: "Wie die Organisation (English)" });
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { name: "Profile", level: 2 })).toBeVisible();
      await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("organisation");
      await openNav("Toggle navigation");
      await expect(nav.getByRole("link", { name: "Inbox" })).toBeVisible();
    });
  });
}
