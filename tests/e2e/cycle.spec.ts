// The cycle journey as far as it runs on one day: an admin creates a cycle for Customer Success in
// the wizard, reads its pre-flight (the five people rated in autumn are too recent, rule 10),
// excludes them and launches; a subject proposes three peers within the rules; their manager
// approves them all on one page; the admin's cycle page shows the drafts, and refuses reminders and
// the release while the cycle is still in nominations; an analyst reads the organisation view of a
// released demo cycle against the earlier one and downloads its table.
//
// Not covered here: answering and the release of this cycle. Its phase moves to answering only when
// the jobs loop runs after the end of the day nominations close (UTC), and the API refuses a close
// before today, so a same-day journey cannot reach it without a clock the server does not expose.
// The API tests (apps/api/src/routers/cycles.test.ts) cover that part with the jobs' own clock.
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

const CYCLE = `Winter check-in ${Date.now().toString(36)}`;

async function createAndLaunch(page: Page): Promise<string> {
  await signIn(page, "admin@acme.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cycles" }).click();
  await page.getByRole("link", { name: "New cycle" }).click();
  await page.getByRole("radio", { name: "Chosen teams" }).check();
  await page.getByRole("combobox", { name: "Teams" }).click();
  await page.getByRole("option", { name: /Customer Success/ }).click();
  await page.keyboard.press("Escape"); // the list stays open for more teams
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Name").fill(CYCLE);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("At least")).toHaveValue("3");
  await page.getByRole("button", { name: "Save and run the pre-flight" }).click();

  // Eight people: Yuki Tanaka and her seven; those rated in autumn block the launch until excluded.
  await expect(page.getByTestId("preflight-summary")).toContainText("8 subject(s)");
  const table = page.getByRole("table", { name: "Pre-flight problems" });
  await expect(table).toContainText("Too close to an earlier report");
  await expect(page.getByRole("button", { name: "Launch", exact: true })).toBeDisabled();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  expect(csv.split("\r\n")[0]).toBe("name,person_id,kind,problem,detail,blocking");
  expect(csv).toContain("Omar Farouk");
  const boxes = page.getByRole("checkbox", { name: /^Exclude / });
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await page.getByRole("button", { name: "Launch", exact: true }).click();
  await expect(page.getByTestId("launched")).toContainText("3 request(s) made");
  await page.getByRole("link", { name: "Open the cycle" }).click();
  await expect(page.getByTestId("cycle-phase")).toHaveText("Nominations");
  await expect(page.getByTestId("requests-by-state")).toContainText("Draft");
  const cycleId = new URL(page.url()).pathname.split("/").pop() ?? "";
  await signOut(page);
  return cycleId;
}

async function proposePeers(page: Page, cycleId: string): Promise<void> {
  await signIn(page, "freya.nilsson@acme.test");
  await page.goto(`/cycles/${cycleId}/raters`);
  await expect(page.getByTestId("cycle-rules")).toContainText("between 3 and 8 peers");
  for (const peer of ["Clara Jensen", "Diego Ramírez", "Zoe Adams"]) {
    await page.getByRole("combobox", { name: "Propose a peer" }).fill(peer.split(" ")[0] ?? peer);
    await page.getByRole("option", { name: new RegExp(peer) }).click();
    await page.getByRole("button", { name: "Propose", exact: true }).click();
    await expect(page.getByRole("table", { name: "Your raters" })).toContainText(peer);
  }
  await expect(page.getByTestId("peer-count")).toHaveText("3 of 3–8 peers");
  await signOut(page);
}

async function approveAll(page: Page, cycleId: string): Promise<void> {
  await signIn(page, "yuki.tanaka@acme.test");
  await page.goto(`/cycles/${cycleId}/approvals`);
  const freya = page.getByTestId("report-nominations").filter({ hasText: "Freya Nilsson" });
  await expect(freya).toContainText("Clara Jensen");
  await page.getByRole("button", { name: "Approve all" }).click();
  await page.getByRole("button", { name: "Send 3 decision(s)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 decision(s) saved" })).toBeVisible();
  await expect(freya.getByText("Approved")).toHaveCount(4); // Yuki herself, and the three peers
  await signOut(page);
}

test("an admin launches a cycle for a team, a subject proposes peers, the manager approves them on one page, an analyst reads the organisation view", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const cycleId = await createAndLaunch(page);
  await proposePeers(page, cycleId);
  await approveAll(page, cycleId);

  // Back on the cycle page: reminders and the release wait for answering, and say so.
  await signIn(page, "admin@acme.test");
  await page.goto(`/admin/cycles/${cycleId}`);
  await page.getByRole("button", { name: "Remind raters still due" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "while raters are answering" })).toBeVisible();
  await page.getByRole("button", { name: "Release the cycle now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /answering/ })).toHaveCount(2);
  // The admin's list gives the released cycles' ids, for the link HR shares.
  await page.goto("/admin/cycles");
  const idOf = async (name: string) =>
    ((await page.getByRole("link", { name }).getAttribute("href")) ?? "").split("/").pop() ?? "";
  const autumn = await idOf("Autumn 2026");
  const spring = await idOf("Spring 2026");
  await signOut(page);

  await signIn(page, "ben.carter@acme.test");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Organisation view" })
    .click();
  await expect(page.getByRole("heading", { name: "Organisation view" })).toBeVisible();
  // A view HR shares is a link: the cycle, the grouping and the comparison are in it.
  await page.goto(`/org?cycle=${autumn}&by=team&compare=${spring}`);
  await expect(page.getByTestId("participation")).toContainText("invitations answered");
  const rows = page.getByTestId("org-row");
  await expect(rows.first()).toContainText("Whole organisation");
  expect(await rows.count()).toBeGreaterThanOrEqual(6); // and every team (an import may add one)
  await expect(rows.filter({ hasText: "Platform Engineering" })).toContainText(/\(\+|\(-|fewer than/);
  await expect(page.getByRole("table", { name: "Distribution per dimension" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  expect(csv.split("\r\n")[0]).toMatch(/^group,people,.*_delta$/);
  expect(csv).toContain("Whole organisation");
});
