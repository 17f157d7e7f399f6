// A manager follows up an open request: the page tells them their own rating is missing, they remind
// the raters who have not answered (without learning who) and extend the deadline; once they have
// rated, the notice goes.

import { answerAs, apiAs } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const MANAGER = "marcus.webb@acme.test";
const PEERS = ["isabel.duarte", "arjun.mehta", "grace.liu", "pedro.alves"].map((p) => `${p}@acme.test`);

test("a manager reminds, extends and is told their own rating is missing", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL ?? "";
  const api = await apiAs(base, MANAGER);
  let requestId = "";
  try {
    const { people } = await api.query<{ people: Array<{ id: string; email: string }> }>("people.list", {
      emails: ["nina.kowalski@acme.test", MANAGER, ...PEERS],
      limit: 100,
    });
    const idOf = (email: string) => people.find((p) => p.email === email)?.id;
    ({ id: requestId } = await api.mutate<{ id: string }>("requests.create", {
      subjectId: idOf("nina.kowalski@acme.test"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: [
        ...PEERS.map((email) => ({ personId: idOf(email), group: "peer" })),
        { personId: idOf(MANAGER), group: "manager" },
      ],
    }));
  } finally {
    await api.dispose();
  }
  await answerAs(base, PEERS[0] ?? "", requestId);

  await signIn(page, MANAGER);
  await page.goto(`/requests/${requestId}`);
  const missing = page.getByTestId("own-rating-missing");
  await expect(missing).toContainText("Your own rating is missing");

  const followUp = page.getByTestId("follow-up");
  await followUp.getByRole("button", { name: "Remind raters who have not answered" }).click();
  await expect(followUp.getByRole("status")).toHaveText("Reminders sent.");
  // The page never says who was reminded, nor how many.
  await expect(followUp).not.toContainText(/Isabel|Arjun|Grace|Pedro|Nina/);
  await followUp.getByRole("button", { name: "Remind raters who have not answered" }).click();
  await expect(followUp.getByRole("alert")).toContainText("less than a day ago");

  const header = page.getByText(/Requested by Marcus Webb · deadline/);
  const before = await header.textContent();
  await followUp.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(followUp.getByRole("status").last()).toContainText("Raters can now answer until");
  await expect(header).not.toHaveText(before ?? "");

  // The link leads to the manager's own form (the rating journeys test the form itself).
  await expect(missing.getByRole("link", { name: "Give my rating" })).toHaveAttribute(
    "href",
    /^\/feedback\/[0-9a-f-]{36}$/,
  );
  await answerAs(base, MANAGER, requestId);
  await page.reload();
  await expect(page.getByTestId("follow-up")).toBeVisible();
  await expect(page.getByTestId("own-rating-missing")).toHaveCount(0);

  const cleanup = await apiAs(base, MANAGER);
  await cleanup.mutate("requests.cancel", { requestId });
  await cleanup.dispose();
});
