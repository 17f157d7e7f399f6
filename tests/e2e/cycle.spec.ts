// The cycle journey from the wizard to the organisation view: an admin creates a cycle for Customer
// Success, reads its pre-flight (the five people rated in autumn are too recent, rule 10), excludes
// them and launches; a subject proposes three peers within the rules; their manager approves them
// all on one page; reminders and the release wait for answering. Then nominations close: this
// journey's server runs with FIVEFOLD_TEST_CLOCK=1, and the test moves the server's clock past the
// close (the jobs open the requests as they would that day; nothing fakes the browser's clock). The
// peers answer, one in the browser, while the admin's cycle page, never reloaded, shows the team's
// answers coming in; the admin releases the cycle with "Release the cycle now"; the subject reads
// their report; an analyst reads the organisation view of this cycle (one report: every cell hidden)
// and of a released demo cycle against the earlier one, and downloads its table.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { answerAs, apiAs } from "./api";
import { expect, test } from "./fixtures";
import { rateAndSubmit, signIn, signOut } from "./helpers";

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

/** Freya's request in the cycle, as she reads it in her list (requests say which cycle they are in). */
async function requestOf(baseURL: string, email: string, cycleId: string): Promise<string> {
  const api = await apiAs(baseURL, email);
  try {
    const mine =
      await api.query<Array<{ id: string; cycleId: string | null; role: string }>>("requests.list");
    const request = mine.find((r) => r.cycleId === cycleId && r.role === "subject");
    if (!request) throw new Error(`${email} has no request in the cycle`);
    return request.id;
  } finally {
    await api.dispose();
  }
}

test("a cycle from the wizard to the organisation view: launch, peers, approvals, answers watched live, release, the subject's report, HR's view", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const base = baseURL ?? "";
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

  // Eight days on (the wizard closes nominations in seven), the jobs open the requests.
  const moved = await request.post("/__test/clock", { data: { days: 8 } });
  expect(moved.status()).toBe(200);
  const freyaRequest = await requestOf(base, "freya.nilsson@acme.test", cycleId);

  // The admin watches the cycle page in a window of their own.
  const adminContext = await browser.newContext({ baseURL: base });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@acme.test");
  await admin.goto(`/admin/cycles/${cycleId}`);
  await expect(admin.getByTestId("cycle-phase")).toHaveText("Answering");
  const team = admin.getByTestId("team-participation").filter({ hasText: "Customer Success" });
  const answered = team.getByRole("cell").nth(3);
  await expect(answered).toHaveText("0");
  await expect(team.getByRole("cell").nth(2)).not.toHaveText("hidden");
  // A team with fewer than k subjects in the cycle (none here) shows no counts at all.
  const sales = admin.getByTestId("team-participation").filter({ hasText: "Sales" });
  await expect(sales.getByRole("cell").nth(3)).toHaveText("hidden");

  // Clara answers in the browser, from her inbox; Diego and Zoe through the API.
  await signIn(page, "clara.jensen@acme.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
  await page.getByRole("link", { name: "Give feedback on Freya Nilsson" }).click();
  await expect(page.getByRole("radiogroup").first()).toBeVisible(); // the form, not its loader
  await rateAndSubmit(page, 4);
  await signOut(page);
  await admin.bringToFront();
  // Never reloaded: the page fetches the figures again while the cycle runs (and on focus).
  await expect(answered).toHaveText("1", { timeout: 30_000 });
  await answerAs(base, "diego.ramirez@acme.test", freyaRequest, 3);
  await answerAs(base, "zoe.adams@acme.test", freyaRequest, 5);
  await expect(answered).toHaveText("3", { timeout: 30_000 });

  // The admin releases the cycle: Freya's report has its three peers; Yuki's too few answers.
  await admin.getByRole("button", { name: "Release the cycle now" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /^1 released;/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(admin.getByTestId("cycle-phase")).toHaveText("Released");
  await adminContext.close();

  // The subject reads their report.
  await signIn(page, "freya.nilsson@acme.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await page.locator(`a[href="/reports/${freyaRequest}"]`).click();
  await expect(page.getByRole("heading", { name: "Your 360 report" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await signOut(page);

  await signIn(page, "ben.carter@acme.test");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Organisation view" })
    .click();
  await expect(page.getByRole("heading", { name: "Organisation view" })).toBeVisible();
  // This cycle: its participation, and one released report, so no cell stands on k people.
  await page.goto(`/org?cycle=${cycleId}&by=team`);
  await expect(page.getByTestId("participation")).toContainText("Participation: 3 of");
  await expect(page.getByTestId("org-row").first()).toContainText("Whole organisation");
  await expect(page.getByTestId("org-row").first()).toContainText("fewer than 3 people");
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
