// Chat notifications journey: an admin connects Slack on the settings page (the token is never
// shown back), a person (Sam Whitfield, whom no other journey uses) chooses Slack direct messages
// on their profile and back to e-mail, and the admin disconnects Slack again, leaving the shared
// demo as it was.
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("an admin connects Slack, a person chooses direct messages, and the admin disconnects it", async ({
  browser,
}) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@acme.test");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const card = admin.locator(".mantine-Card-root").filter({ hasText: "Chat notifications (Slack)" });
  await card.getByLabel("Bot token").fill("not-a-bot-token");
  await card.getByRole("button", { name: "Save Slack" }).click();
  await expect(card.getByRole("alert")).toContainText("xoxb-");
  await card.getByLabel("Bot token").fill("xoxb-journey-token-1234");
  await card.getByRole("button", { name: "Save Slack" }).click();
  await expect(card.getByText("Slack saved.")).toBeVisible();
  await expect(card.getByLabel("Bot token")).toHaveValue("");
  await expect(card.getByText("Stored, and never shown.").first()).toBeVisible();

  const person = await (await browser.newContext()).newPage();
  await signIn(person, "sam.whitfield@acme.test");
  await person.goto("/profile");
  const notices = person.getByTestId("notices");
  await notices.getByLabel("Slack direct messages", { exact: false }).check();
  await expect(notices.getByRole("status")).toHaveText("Saved.");
  await person.reload();
  await expect(
    person.getByTestId("notices").getByLabel("Slack direct messages", { exact: false }),
  ).toBeChecked();
  await person.getByTestId("notices").getByLabel("E-mail", { exact: true }).check();
  await expect(person.getByTestId("notices").getByRole("status")).toHaveText("Saved.");
  await person.reload();
  await expect(person.getByTestId("notices").getByLabel("E-mail", { exact: true })).toBeChecked();

  await card.getByRole("button", { name: "Disconnect Slack" }).click();
  await expect(card.getByRole("button", { name: "Disconnect Slack" })).toHaveCount(0);
  await person.reload();
  await expect(person.getByTestId("notices")).toContainText("has not connected a chat tool");
});
