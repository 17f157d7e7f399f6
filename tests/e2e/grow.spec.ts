// Grow journey: a report is released; the subject makes a plan from it in the browser and invites
// a support circle; a partner signs in and accepts; the subject publishes with the others still to
// answer (they then accept over the API) and logs a check-in; the partner encourages it; the
// subject sees the encouragement. Partners never reach the report. Then the circle changes: a partner steps down, the owner removes one.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { apiAs, releaseReport } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const SUBJECT = "hannah.kim@acme.test";
const PARTNERS = ["Mei Lin", "Tomás Herrera", "Aisha Bello"];
const LEAD = "Lukas Becker";
const emailOf = (name: string) =>
  `${name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(" ", ".")}@acme.test`;

async function invite(page: Page, name: string) {
  const box = page.getByRole("combobox", { name: "Anyone in your organisation" });
  await box.click();
  await box.fill(name.split(" ")[0] ?? name);
  await page.getByRole("option", { name }).click();
  await page
    .getByTestId("invite")
    .getByRole("button", { name: /^Invite as (partner|lead)$/ })
    .click();
  await expect(page.getByTestId("circle-member").filter({ hasText: name })).toContainText("Invited");
}

async function expectNoSeriousAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    ),
  ).toEqual([]);
}

test("a subject turns a released report into a plan with a support circle and check-ins", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const base = baseURL ?? "";
  const requestId = await releaseReport(base, {
    managerEmail: "daniel.okafor@acme.test",
    subjectEmail: SUBJECT,
    raters: [
      { email: SUBJECT, group: "self", score: () => 5 },
      { email: "daniel.okafor@acme.test", group: "manager", score: (id) => (id.startsWith("risk") ? 2 : 4) },
      ...["sofia.rossi", "ravi.iyer", "aisha.bello", "tomas.herrera"].map((local) => ({
        email: `${local}@acme.test`,
        group: "peer" as const,
        score: (id: string) => (id.startsWith("risk") ? 2 : 4),
      })),
    ],
  });

  // The subject makes the plan from the top of the released report: the next step is in the first
  // screen, and one click opens the draft (no page in between).
  await signIn(page, SUBJECT);
  await page.goto(`/reports/${requestId}`);
  const nextStep = page.getByTestId("next-step");
  await expect(nextStep).toContainText("Turn this into a plan");
  const box = await nextStep.boundingBox();
  expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(page.viewportSize()?.height ?? 0);
  await nextStep.getByRole("button", { name: "Make my plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  const planUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "Your coaching plan" })).toBeVisible();
  const focus = page.getByTestId("focus-card");
  await expect(focus).toContainText("Take risks");
  await expect(focus).toContainText("a blind spot");
  await expect(page.getByTestId("plan-state")).toHaveText("Draft");
  // A draft's next steps are editing and publishing, not only closing.
  await page.getByRole("button", { name: "Review and publish" }).click();
  await expect(page.getByTestId("publish-card")).toBeFocused();
  await page.getByRole("button", { name: "Edit the plan" }).click();
  await expect(page.getByRole("region", { name: "The plan" })).toBeFocused();

  // Edits the goal and ticks one more action.
  const wish = page.getByRole("textbox", { name: "Wish" });
  await wish.fill("Make bold calls in the open, and own them");
  await page.getByRole("button", { name: "Save goal" }).click();
  await expect(page.getByRole("button", { name: "Save goal" })).toBeDisabled();
  const ticked = page.getByTestId("actions-card").getByRole("checkbox", { checked: true });
  const before = await ticked.count();
  const unticked = page.getByTestId("actions-card").getByRole("checkbox", { checked: false }).first();
  await unticked.check();
  await page.getByRole("button", { name: "Save actions" }).click();
  await expect(page.getByRole("button", { name: "Save actions" })).toBeDisabled();
  await expect(ticked).toHaveCount(before + 1);

  // Invites three partners and a lead.
  for (const name of PARTNERS) await invite(page, name);
  await page.getByTestId("invite").getByText("Accountability lead").click();
  await invite(page, LEAD);
  await expect(page.getByTestId("circle-status")).toHaveText("0 of 3–5 partners accepted · lead invited");
  await expect(page.getByTestId("circle-waiting")).toHaveText(
    `Still to answer: ${[...PARTNERS, LEAD].join(", ")}`,
  );
  // Invited is enough to publish; nobody has answered yet.
  await expect(page.getByRole("button", { name: "Publish the plan" })).toBeEnabled();
  await expectNoSeriousAxeViolations(page);

  // The first partner signs in and accepts; the plan, never the report.
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await signIn(partner, emailOf(PARTNERS[0] ?? ""));
  await partner.getByRole("link", { name: "Plans I support" }).click();
  const invitation = partner.getByTestId("support-invitation").filter({ hasText: "Hannah Kim" });
  await expect(invitation).toContainText("Make bold calls in the open, and own them");
  await invitation.getByRole("button", { name: "Accept Hannah Kim's invitation" }).click();
  const supported = partner.getByTestId("supported-plan").filter({ hasText: "Hannah Kim" });
  await expect(supported).toBeVisible();
  await supported.getByRole("link", { name: "Hannah Kim's plan" }).click();
  await expect(partner.getByRole("heading", { name: "Hannah Kim's coaching plan" })).toBeVisible();
  // The navigation shows the plan under "Plans I support", also when the address is the owner's.
  const nav = partner.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Plans I support" })).toHaveAttribute("data-active", "true");
  await expect(nav.getByRole("link", { name: "My plan" })).not.toHaveAttribute("data-active", "true");
  await partner.goto(planUrl);
  await expect(partner).toHaveURL(new RegExp(`/support${planUrl}$`));
  await expect(nav.getByRole("link", { name: "Plans I support" })).toHaveAttribute("data-active", "true");
  await expect(partner.getByTestId("focus-card")).toContainText("Take risks");
  await expect(partner.getByTestId("focus-card")).not.toContainText("others rate");
  await expect(partner.getByRole("link", { name: /report this plan grew from/ })).toHaveCount(0);
  await partner.goto(`/reports/${requestId}`);
  await expect(partner.getByRole("alert")).toContainText("Only the person");

  // The subject publishes while the others have not answered; the plan says who is still to.
  await page.reload();
  await expect(page.getByTestId("circle-status")).toHaveText("1 of 3–5 partners accepted · lead invited");
  await page.getByRole("button", { name: "Publish the plan" }).click();
  await expect(page.getByTestId("plan-state")).toHaveText("Active");
  await expect(page.getByTestId("circle-waiting")).toHaveText(
    `Still to answer: ${[...PARTNERS.slice(1), LEAD].join(", ")}`,
  );

  // The other partners and the lead accept over the API, after publishing: the circle fills.
  const planId = planUrl.split("/").pop() ?? "";
  for (const name of [...PARTNERS.slice(1), LEAD]) {
    const api = await apiAs(base, emailOf(name));
    try {
      const list = await api.query<Array<{ partnershipId: string; plan: { id: string } }>>("partners.list");
      const mine = list.find((s) => s.plan.id === planId);
      if (!mine) throw new Error(`${name} was not invited`);
      await api.mutate("partners.respond", { partnershipId: mine.partnershipId, accept: true });
    } finally {
      await api.dispose();
    }
  }

  // The subject sees the full circle and logs a check-in.
  await page.reload();
  await expect(page.getByTestId("circle-status")).toHaveText(
    "3 of 3–5 partners accepted · lead accepted · ready",
  );
  await expect(page.getByTestId("circle-waiting")).toHaveCount(0);
  const form = page.getByTestId("checkin-form");
  await form.getByRole("textbox", { name: "Progress in percent" }).fill("40");
  await form.getByRole("radiogroup").first().getByText("In progress").click();
  await form
    .getByRole("textbox", { name: "Note" })
    .fill("Announced my decision on the release plan before the meeting.");
  await form.getByRole("button", { name: "Log check-in" }).click();
  await expect(page.getByTestId("plan-progress")).toHaveText("40%");
  const checkin = page.getByTestId("checkin").first();
  await expect(checkin).toContainText("40%");
  await expect(checkin).toContainText("Announced my decision");
  await expect(page.getByTestId("progress-table")).toContainText("40%");

  // The partner encourages it from "Plans I support".
  await partner.getByRole("link", { name: "Plans I support" }).click();
  const card = partner.getByTestId("supported-plan").filter({ hasText: "Hannah Kim" });
  await expect(card.getByTestId("latest-checkin")).toContainText("Announced my decision");
  await card.getByRole("textbox", { name: "Encourage" }).fill("Brave move, and it paid off. Keep going!");
  await card.getByRole("button", { name: "Send" }).click();
  await expect(card.getByTestId("latest-checkin")).toContainText("Mei Lin: Brave move, and it paid off.");
  await partnerContext.close();

  // The subject sees the encouragement, also on a phone.
  await page.reload();
  await expect(page.getByTestId("encouragement").first()).toHaveText(
    "Mei Lin: Brave move, and it paid off. Keep going!",
  );
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await expect(page.getByTestId("encouragement").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousAxeViolations(page);
});

test("a partner steps down and the owner removes another; the circle shows it", async ({ page, baseURL }) => {
  // Follows the journey above: Hannah Kim's plan is active with Mei Lin, Tomás Herrera and Aisha Bello.
  const base = baseURL ?? "";
  const api = await apiAs(base, SUBJECT);
  const plans = await api.query<Array<{ id: string; state: string }>>("plans.list");
  await api.dispose();
  const plan = plans.find((p) => p.state === "active");
  if (!plan) throw new Error("Hannah Kim has no active plan");

  await signIn(page, emailOf(PARTNERS[0] ?? ""));
  await page.getByRole("link", { name: "Plans I support" }).click();
  const card = page.getByTestId("supported-plan").filter({ hasText: "Hannah Kim" });
  await card.getByRole("button", { name: "Step down from Hannah Kim's circle" }).click();
  const stepDown = page.getByRole("dialog", { name: "Step down from Hannah Kim's circle?" });
  await expect(stepDown).toContainText("Hannah Kim is told by e-mail");
  await stepDown.getByRole("button", { name: "Step down" }).click();
  await expect(card).toHaveCount(0);
  await page.goto(`/plans/${plan.id}`);
  await expect(page.getByRole("alert")).toContainText("shared only with its owner");

  await page.context().clearCookies();
  await signIn(page, SUBJECT);
  await page.goto(`/plans/${plan.id}`);
  await expect(page.getByTestId("circle-status")).toHaveText("2 of 3–5 partners accepted · lead accepted");
  await expect(page.getByTestId("circle-member").filter({ hasText: "Mei Lin" })).toHaveCount(0);
  await page.getByRole("button", { name: "Remove Aisha Bello from the circle" }).click();
  const remove = page.getByRole("dialog", { name: "Remove Aisha Bello from your circle?" });
  await remove.getByRole("button", { name: "Remove" }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByTestId("circle-member").filter({ hasText: "Aisha Bello" })).toHaveCount(0);
  await expect(page.getByTestId("circle-status")).toHaveText("1 of 3–5 partners accepted · lead accepted");
});

test("people say in their profile whether they may be suggested as partners", async ({ page }) => {
  await signIn(page, "ben.carter@acme.test");
  await page.getByRole("link", { name: "Profile" }).click();
  const section = page.getByTestId("partner-opt-in");
  const toggle = section.getByRole("switch", { name: "Suggest me as an accountability partner" });
  await toggle.check();
  await section.getByText("Take risks").click();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(
    section.getByRole("switch", { name: "Suggest me as an accountability partner" }),
  ).toBeChecked();
  await expect(section.getByRole("checkbox", { name: "Take risks" })).toBeChecked();
});
