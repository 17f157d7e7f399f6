// The admin People page a page at a time (people.directoryPage): the first 25 people, the next page on
// asking, a search on the server by team, and a person's editor naming their manager. Reads only,
// so it shares the demo server with every other journey.
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("an admin pages through the People page, searches it on the server and opens a person", async ({
  page,
}) => {
  await signIn(page, "admin@acme.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await expect(page.getByText(/^\d+ active, \d+ deactivated$/)).toBeVisible();

  // The demo has more than 25 active people: one page, then the rest on asking.
  const rows = page.getByTestId("person-row");
  await expect(rows).toHaveCount(25);
  await page.getByRole("button", { name: "Show more people" }).click();
  await expect.poll(() => rows.count()).toBeGreaterThan(25);

  // Searched on the server, by a team's name: its manager and members, each with their manager.
  await page.getByRole("textbox", { name: "Search people" }).fill("product des");
  const oliver = rows.filter({ has: page.getByRole("button", { name: "Oliver Grant", exact: true }) });
  await expect(oliver).toContainText("Elena Petrova");
  await expect(oliver).toContainText("Product Design");
  await expect.poll(() => rows.count()).toBeLessThanOrEqual(10);

  // The editor names the manager without loading the whole directory.
  await page.getByRole("button", { name: "Oliver Grant", exact: true }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("combobox", { name: "Manager" })).toHaveValue(/Elena Petrova/);
  await drawer.getByRole("button", { name: "Cancel" }).click();
});
