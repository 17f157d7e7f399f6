// When the connection drops after the server stored a submit, the browser retries it with its
// idempotency key and is told it succeeded, instead of "already submitted". And admins find the
// E-mail delivery page, reminders counted and never listed.

import { apiAs } from "./api";
import { expect, test } from "./fixtures";
import { rateAndSubmit, signIn } from "./helpers";

test("a submit whose answer is lost on the way back is retried and shown as sent", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const manager = await apiAs(baseURL ?? "", "yuki.tanaka@acme.test");
  const people = (
    await manager.query<{ people: Array<{ id: string; email: string }> }>("people.list", {
      emails: ["omar.farouk", "clara.jensen", "zoe.adams", "ibrahim.diallo", "freya.nilsson"].map(
        (name) => `${name}@acme.test`,
      ),
      limit: 100,
    })
  ).people;
  const id = (email: string) => people.find((p) => p.email === email)?.id;
  await manager.mutate("requests.create", {
    subjectId: id("omar.farouk@acme.test"),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: ["clara.jensen", "zoe.adams", "ibrahim.diallo", "freya.nilsson"].map((name) => ({
      personId: id(`${name}@acme.test`),
      group: "peer",
    })),
  });
  await manager.dispose();

  // The first submit reaches the server and is stored; its answer never reaches the browser.
  const keys: string[] = [];
  await page.route(/\/trpc\/[^?]*responses\.submit/, async (route) => {
    const body = route.request().postDataJSON() as Record<string, { idempotencyKey?: string }>;
    const input = body["0"] ?? (body as unknown as { idempotencyKey?: string });
    keys.push(input.idempotencyKey ?? "");
    if (keys.length === 1) {
      await route.fetch();
      await route.abort("connectionreset");
    } else {
      await route.continue();
    }
  });
  await signIn(page, "clara.jensen@acme.test");
  await page.getByRole("link", { name: "Inbox" }).click();
  await page.getByRole("link", { name: "Give feedback on Omar Farouk" }).click();
  await expect(page.getByRole("heading", { name: "Feedback on Omar Farouk" })).toBeVisible();
  await rateAndSubmit(page, 4);
  await expect(page.getByRole("alert").filter({ hasText: "already submitted" })).toHaveCount(0);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[1]).toBe(keys[0]);
  await page.reload();
  await expect(page.getByText("Thank you")).toBeVisible();
});

test("an admin opens E-mail delivery: undelivered mails, and reminders as counts only", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.getByRole("link", { name: "E-mail delivery" }).click();
  await expect(page.getByRole("heading", { name: "E-mail delivery" })).toBeVisible();
  await expect(page.getByText("who got one is never shown")).toBeVisible();
});
