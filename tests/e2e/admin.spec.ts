// Administer journey: an admin imports people from a CSV with one bad row, reads the per-row report,
// applies it, and finds the new people (with their manager and team) on the People page; the import
// shows in the audit log.
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const CSV = [
  "name,email,manager_email,team,roles",
  "Wilhelmina Thorne,wilhelmina.thorne@acme.test,admin@acme.test,Field Research,manager",
  '"Quartermaine, Ezekiel",ezekiel.quartermaine@acme.test,wilhelmina.thorne@acme.test,Field Research,',
  "Broken Row,not-an-email,,,",
].join("\n");

test("an admin imports a CSV with one bad row, sees the report, applies it, and the people appear", async ({
  page,
}) => {
  await signIn(page, "admin@acme.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await page.getByRole("link", { name: "Import CSV" }).click();

  await page.getByLabel("…or paste the CSV").fill(CSV);
  await page.getByRole("button", { name: "Check the file" }).click();

  // The dry run: one verdict per row, the bad row rejected with its reason, nothing changed yet.
  const rows = page.getByTestId("import-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("Wilhelmina Thorne");
  await expect(rows.nth(0)).toContainText("New");
  await expect(rows.nth(1)).toContainText("Quartermaine, Ezekiel");
  await expect(rows.nth(1)).toContainText("New");
  await expect(rows.nth(2)).toContainText("Rejected");
  await expect(rows.nth(2)).toContainText('"not-an-email" is not a valid e-mail address');
  await expect(page.getByTestId("import-summary")).toContainText("2 would be created");
  await expect(page.getByTestId("import-summary")).toContainText("1 rejected");

  await page.getByRole("button", { name: "Apply 2 changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Import applied" })).toContainText(
    "2 created, 0 updated, 0 unchanged, 1 rejected",
  );

  await page.getByRole("link", { name: "See the people" }).click();
  await page.getByRole("textbox", { name: "Search people" }).fill("Field Research");
  const people = page.getByTestId("person-row");
  await expect(people).toHaveCount(2);
  const row = (name: string) => people.filter({ has: page.getByRole("button", { name, exact: true }) });
  await expect(row("Wilhelmina Thorne")).toContainText("Alex Admin");
  await expect(row("Wilhelmina Thorne")).toContainText("Manager");
  await expect(row("Quartermaine, Ezekiel")).toContainText("Wilhelmina Thorne");
  await expect(row("Quartermaine, Ezekiel")).toContainText("no sign-in");

  // The same file again: nothing new to apply.
  await page.getByRole("link", { name: "Import CSV" }).click();
  await page.getByLabel("…or paste the CSV").fill(CSV);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("2 unchanged");
  await expect(page.getByRole("button", { name: "Nothing to apply" })).toBeDisabled();

  // The import is in the audit log.
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByTestId("audit-row").filter({ hasText: "Imported people" }).first()).toContainText(
    "Alex Admin",
  );
});

test("an admin creates and removes a team, and reads the settings", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Teams" }).click();
  await expect(page.getByTestId("team-card").filter({ hasText: "Platform Engineering" })).toContainText(
    "Noor Haddad",
  );
  await page.getByRole("button", { name: "New team" }).click();
  await page.getByRole("dialog").getByLabel("Team name").fill("Admin Journey Guild");
  await page.getByRole("dialog").getByRole("button", { name: "Create team" }).click();
  const card = page.getByTestId("team-card").filter({ hasText: "Admin Journey Guild" });
  await expect(card).toContainText("0 members");
  await card.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove the team" }).click();
  await expect(card).toHaveCount(0);

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("textbox", { name: "Anonymity threshold" })).toHaveValue("3");
  await expect(page.getByRole("switch", { name: "Admins may read released reports" })).not.toBeChecked();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
});
