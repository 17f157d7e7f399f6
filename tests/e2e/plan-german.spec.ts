// Languages journey (issue 18) on the plan pages: Jonas Lindqvist, whose demo plan no other journey
// opens, chooses German; his plan, its support circle and check-ins read German with German dates
// and percentages, on a desktop and at 375 px, and a check-in he logs is dated in German.
// His choice is set back at the end, so the demo reads as it did. Then Mateo Silva, whose autumn
// report no other journey plans from, reads German and makes his plan: its suggested actions and WOOP
// skeleton arrive in German, and stay German when he reads English again (the text is his now).
import { findAction, WOOP_TEMPLATES } from "@fivefold/domain";
import type { Page } from "@playwright/test";
import { apiAs } from "./api";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const OWNER = "jonas.lindqvist@acme.test";
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 800 };

const DIMENSIONS_DE: Record<string, string> = {
  inspire: "Inspirieren und motivieren",
  vision: "Die Vision setzen",
  empower: "Andere befähigen",
  dream: "Größer träumen",
  risk: "Risiken eingehen",
};
const CADENCE_DE: Record<string, string> = {
  weekly: "jede Woche",
  fortnightly: "alle zwei Wochen",
  monthly: "jeden Monat",
};

/** A day as the German page writes it ("8. Nov. 2026"): the domain's format in de-DE. */
const germanDay = (value: string) =>
  new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value).toLocaleDateString("de-DE", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

interface PlanView {
  id: string;
  state: string;
  cadence: string;
  startsOn: string;
  endsOn: string;
  progress: number;
  focus: string[];
  strength: string;
  circle: {
    partners: number;
    leads: number;
    minPartners: number;
    maxPartners: number;
    ready: boolean;
    members: Array<{ person: { name: string }; role: "partner" | "lead"; state: string }>;
  };
  schedule: Array<{ status: string }>;
}
interface Checkin {
  createdAt: string;
  progress: number;
}

/** The person's language, chosen from the page over tRPC with its session cookie (as a browser sends it). */
async function setLanguage(page: Page, base: string, language: "de" | null) {
  const response = await page.request.post(`${base}/trpc/me.setLanguage`, {
    data: { language },
    headers: { origin: new URL(base).origin },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

test("a plan owner who reads German sees the plan, its circle and check-ins in German", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL ?? "";
  const api = await apiAs(base, OWNER);
  let plan: PlanView;
  let checkins: Checkin[];
  try {
    const plans = await api.query<Array<{ id: string; state: string; relation: string }>>("plans.list");
    const planId = plans.find((p) => p.relation === "owner" && p.state === "active")?.id;
    if (!planId) throw new Error("Jonas Lindqvist has no active plan");
    plan = await api.query<PlanView>("plans.get", { planId });
    checkins = await api.query<Checkin[]>("checkins.list", { planId });
  } finally {
    await api.dispose();
  }
  const [latest] = checkins;
  if (!latest) throw new Error("Jonas Lindqvist's plan has no check-in");

  await page.setViewportSize(DESKTOP);
  await signIn(page, OWNER);
  await setLanguage(page, base, "de");
  try {
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await page.goto(`/plans/${plan.id}`);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expect(page.getByRole("heading", { name: "Ihr Entwicklungsplan", level: 2 })).toBeVisible();
      await expect(page.getByText("Your coaching plan")).toHaveCount(0);
      await expect(page.getByTestId("plan-state")).toHaveText("Aktiv");
      await expect(
        page.getByText(
          `Ihr Plan · Check-ins ${CADENCE_DE[plan.cadence]}, ${germanDay(plan.startsOn)} – ${germanDay(plan.endsOn)}`,
        ),
      ).toBeVisible();
      // Percentages as German writes them: a space before the sign.
      await expect(page.getByTestId("plan-progress")).toHaveText(`${plan.progress}\u00a0%`);

      // Focus and actions: the dimensions by their German names, statuses by their German words.
      const focus = page.getByTestId("focus-card");
      await expect(focus.getByRole("heading", { name: "Fokus und Stärke" })).toBeVisible();
      for (const key of plan.focus) await expect(focus).toContainText(DIMENSIONS_DE[key] ?? key);
      await expect(focus).toContainText(DIMENSIONS_DE[plan.strength] ?? plan.strength);
      await expect(
        page.getByTestId("actions-card").getByRole("heading", { name: "Maßnahmen" }),
      ).toBeVisible();
      await expect(page.getByTestId("woop-card").getByRole("heading", { name: "Ziel (WOOP)" })).toBeVisible();

      // The circle: who accepted, in which role.
      const circle = page.getByTestId("circle-card");
      await expect(circle.getByRole("heading", { name: "Unterstützerkreis" })).toBeVisible();
      const c = plan.circle;
      await expect(circle.getByTestId("circle-status")).toHaveText(
        [
          `${c.partners} von ${c.minPartners}–${c.maxPartners} Partner/innen haben zugesagt`,
          c.leads === 1 ? "Hauptbegleitung hat zugesagt" : "Hauptbegleitung eingeladen",
          ...(c.ready ? ["bereit"] : []),
        ].join(" · "),
      );
      const table = circle.getByRole("table", { name: "Unterstützerkreis" });
      await expect(table.getByRole("columnheader")).toContainText(["Person", "Rolle", "Antwort"]);
      for (const member of c.members.filter((m) => m.state === "accepted")) {
        const row = circle.getByTestId("circle-member").filter({ hasText: member.person.name });
        // The lead's word may break at its soft hyphen in a narrow table.
        await expect(row).toContainText(member.role === "lead" ? /Haupt\u00ad?begleitung/ : "Partner/in");
        await expect(row.getByTestId("partnership-state")).toHaveText("Zugesagt");
      }
      await expect(circle.getByRole("combobox", { name: "Jede Person in Ihrer Organisation" })).toBeVisible();

      // The check-ins: German dates, German percentages, the schedule in German.
      const timeline = page.getByTestId("checkin-timeline");
      await expect(timeline.getByTestId("checkin").first()).toContainText(
        `${germanDay(latest.createdAt)} · ${latest.progress}\u00a0%`,
      );
      const progress = timeline.getByRole("table", { name: "Fortschritt bei jedem Check-in" });
      await expect(progress.getByRole("columnheader")).toContainText([
        "Check-in",
        "Fortschritt",
        "Erledigte Maßnahmen",
      ]);
      await expect(progress).toContainText(germanDay(latest.createdAt));
      await expect(timeline).toContainText(
        `Zeitplan: ${plan.schedule.length} Check-ins, ${plan.schedule.filter((d) => d.status === "done").length} erledigt`,
      );
      await expect(
        page.getByTestId("checkin-form").getByRole("heading", { name: "Check-in erfassen" }),
      ).toBeVisible();

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `no sideways scrolling at ${size.width} px`).toBeLessThanOrEqual(0);
    }

    // A check-in logged in German: the status chosen by its German word, the new entry on top, dated
    // today in German.
    await page.setViewportSize(DESKTOP);
    const form = page.getByTestId("checkin-form");
    const next = Math.min(100, plan.progress + 5);
    await form.getByRole("textbox", { name: "Fortschritt in Prozent" }).fill(String(next));
    await form.getByRole("radiogroup").first().getByText("In Arbeit").click();
    await form.getByRole("textbox", { name: "Notiz" }).fill("Die Retro hat das Team ganz allein geleitet.");
    await form.getByRole("button", { name: "Check-in erfassen" }).click();
    await expect(page.getByTestId("plan-progress")).toHaveText(`${next}\u00a0%`);
    const entry = page.getByTestId("checkin").first();
    await expect(entry).toContainText(`${germanDay(new Date().toISOString())} · ${next}\u00a0%`);
    await expect(entry).toContainText("In Arbeit");

    // The list of plans says the same in German.
    await page.goto("/plans");
    await expect(page.getByRole("heading", { name: "Mein Plan", level: 2 })).toBeVisible();
    const card = page.getByTestId("plan-card").filter({ hasText: "Ihr Entwicklungsplan" });
    await expect(card).toContainText(`${next}\u00a0%`);
    for (const key of plan.focus) await expect(card).toContainText(DIMENSIONS_DE[key] ?? key);
  } finally {
    await setLanguage(page, base, null);
  }
});

test("a plan made by someone who reads German is written in German, and stays so", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL ?? "";
  const owner = "mateo.silva@acme.test";
  await signIn(page, owner);
  await setLanguage(page, base, "de");
  let planId = "";
  try {
    await page.goto("/reports");
    await page.getByRole("link", { name: "Ihr 360-Grad-Bericht" }).first().click();
    // The report's suggested actions (behaviour-first layout, if shown) are German too.
    const behaviours = page.getByTestId("behaviour-first");
    if (await behaviours.isVisible()) await expect(behaviours).not.toContainText(/\b(the|your|and)\b/);
    await page.getByTestId("next-step").getByRole("button", { name: "Meinen Plan erstellen" }).click();
    await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
    planId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await expect(page.getByRole("heading", { name: "Ihr Entwicklungsplan", level: 2 })).toBeVisible();

    const api = await apiAs(base, owner);
    const plan = await api
      .query<{ focus: string[]; actions: Array<{ id: string; text: string }>; woop: Record<string, string> }>(
        "plans.get",
        { planId },
      )
      .finally(() => api.dispose());
    const primary = plan.focus[0] as keyof typeof WOOP_TEMPLATES;
    // Written in German from the catalogue, and shown as written.
    expect(plan.woop).toEqual(WOOP_TEMPLATES[primary].de);
    const actions = page.getByTestId("actions-card");
    for (const action of plan.actions) {
      expect(action.text).toBe(findAction(action.id)?.texts.de);
      await expect(actions).toContainText(action.text);
    }
    await expect(page.getByRole("textbox", { name: "Wunsch" })).toHaveValue(WOOP_TEMPLATES[primary].de.wish);

    // Back in English, the page's words change and the plan's own text does not.
    await setLanguage(page, base, null);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Your coaching plan", level: 2 })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Wish" })).toHaveValue(WOOP_TEMPLATES[primary].de.wish);
    await expect(actions).toContainText(plan.actions[0]?.text ?? "");
  } finally {
    await setLanguage(page, base, null);
  }
});
