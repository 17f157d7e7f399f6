// The organisation's own instrument (issue 19): an admin opens the Instrument page (axe-clean in
// both colour schemes), rewords a behaviour, adds one in English and German, previews both
// languages, saves the draft and publishes it as the next version.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("an admin rewords and adds a behaviour, previews it in German, and publishes the next version", async ({
  page,
}) => {
  await signIn(page, "admin@acme.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instrument" }).click();
  await expect(page.getByRole("heading", { name: "Instrument", level: 2 })).toBeVisible();
  const versions = page.getByRole("table");
  await expect(versions).toContainText("Built in");
  const before = await versions.getByRole("row").count();

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", scheme);
    await page.waitForTimeout(300);
    const result = await new AxeBuilder({ page }).analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.help}`),
      scheme,
    ).toEqual([]);
  }

  await page
    .getByLabel("English wording of dream.3")
    .fill("Seeks out experienced people when shaping ambitions");
  await page.getByRole("button", { name: "Add a behaviour to Take risks" }).click();
  const fresh = page.getByRole("group", { name: /^Behaviour risk\.own-/ }).last();
  await fresh.getByLabel(/^English wording/).fill("Says plainly what could go wrong before committing");
  await fresh.getByLabel(/^German wording/).fill("Sagt offen, was schiefgehen kann, bevor es sich festlegt");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Draft of version \d+ saved/)).toBeVisible();

  const preview = page
    .getByRole("heading", { name: "Preview" })
    .locator("xpath=ancestor::div[contains(@class,'Card')][1]");
  await expect(preview).toContainText("Says plainly what could go wrong before committing");
  await page.getByText("German", { exact: true }).click();
  await expect(preview).toContainText("Sagt offen, was schiefgehen kann, bevor es sich festlegt");

  await page.getByRole("button", { name: /^Publish version \d+$/ }).click();
  await expect(page.getByText(/Version \d+ published: new requests ask it from now on/)).toBeVisible();
  await expect(versions.getByRole("row")).toHaveCount(before + 1);
});
