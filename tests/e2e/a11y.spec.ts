// Accessibility of every page: each route of the web app, visited as the demo person who sees it
// filled in, in the light and the dark colour scheme (the app follows the system's), at 1366 × 900
// and, for the key pages, at 375 × 800. axe must find nothing, of any impact (issue 18). The "german"
// project runs this file again on a server of its own whose organisation reads German, with a German
// browser for the signed-out pages: every page in both languages.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { apiAs } from "./api";
import { expect, test, watchTranslations } from "./fixtures";
import { DEMO_PASSWORD } from "./helpers";

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 800 };
const SCHEMES = ["light", "dark"] as const;
// A subject of Daniel's team that no other journey asks about (a subject has one active request at a
// time, and the journeys share one server).
const A11Y_SUBJECT = "aisha.bello@acme.test";
const PEERS = ["sofia.rossi@acme.test", "ravi.iyer@acme.test", "tomas.herrera@acme.test"];

interface Visit {
  name: string;
  path: string;
  /** Also checked at 375 × 800. */
  phone?: boolean;
}

/** Every violation as one line: rule, impact, help, and the first few elements. */
function describe(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string[] {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.nodes.length} el.): ${v.help}: ${v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`)
        .join(" | ")}`,
  );
}

/** In the "german" project the organisation's default language is German (once, idempotent). */
async function pageLanguage(baseURL: string): Promise<"en" | "de"> {
  if (test.info().project.name !== "german") return "en";
  await ids(baseURL, "admin@acme.test", (admin) => admin.mutate("settings.update", { language: "de" }));
  return "de";
}

async function settle(page: Page, scheme: (typeof SCHEMES)[number], language: "en" | "de") {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  // The app takes the system's scheme: without that, the dark reading would read the light page.
  await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", scheme);
  await expect(page.getByLabel(/^(Loading|Wird geladen)$/)).toHaveCount(0, { timeout: 20_000 });
  // Mantine's transitions (alerts, charts) finish before axe reads colours.
  await page.waitForTimeout(300);
}

/** Visits each page in both schemes (and at phone size where asked), collecting violations. */
async function audit(browser: Browser, baseURL: string, email: string | null, visits: Visit[]) {
  const language = await pageLanguage(baseURL);
  // Signed out, the page follows the browser's language; signed in, the organisation's.
  const context = await browser.newContext({
    baseURL,
    viewport: DESKTOP,
    locale: language === "de" ? "de-DE" : "en-GB",
  });
  const page = await context.newPage();
  const translations = watchTranslations(page);
  if (email) {
    const response = await page.request.post("/api/auth/sign-in/email", {
      data: { email, password: DEMO_PASSWORD },
      headers: { origin: new URL(baseURL).origin },
    });
    expect(response.ok(), `sign-in as ${email}`).toBe(true);
  }
  const found: Record<string, string[]> = {};
  for (const visit of visits) {
    const sizes = visit.phone ? [DESKTOP, PHONE] : [DESKTOP];
    for (const size of sizes) {
      await page.setViewportSize(size);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(visit.path);
        await settle(page, scheme, language);
        const result = await new AxeBuilder({ page }).analyze();
        const key = `${visit.name} ${scheme} ${size.width}${language === "de" ? " de" : ""}`;
        found[key] = describe(result.violations);
        console.log(
          `a11y ${key}: ${result.violations.length} violations on ${result.violations.reduce((n, v) => n + v.nodes.length, 0)} elements`,
        );
      }
    }
  }
  await context.close();
  translations.check();
  // Soft, so one page's findings do not hide the next page's.
  for (const [key, lines] of Object.entries(found)) expect.soft(lines, key).toEqual([]);
}

async function ids<T>(
  baseURL: string,
  email: string,
  read: (api: Awaited<ReturnType<typeof apiAs>>) => Promise<T>,
) {
  const api = await apiAs(baseURL, email);
  try {
    return await read(api);
  } finally {
    await api.dispose();
  }
}

test.describe.configure({ mode: "parallel" });

test("signed-out pages: sign in, set and reset a password, a one-time rating link", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL ?? "";
  // A fresh request invites a peer; its e-mail in the demo mailbox holds the one-time link.
  const link = await ids(base, "daniel.okafor@acme.test", async (manager) => {
    const people = (
      await manager.query<{ people: Array<{ id: string; email: string }> }>("people.list", {
        emails: [A11Y_SUBJECT, ...PEERS],
        limit: 100,
      })
    ).people;
    const subject = people.find((p) => p.email === A11Y_SUBJECT);
    await manager.mutate("requests.create", {
      subjectId: subject?.id,
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: people.filter((p) => PEERS.includes(p.email)).map((p) => ({ personId: p.id, group: "peer" })),
    });
    return ids(base, "admin@acme.test", async (admin) => {
      const mails = await admin.query<Array<{ to: string; text: string }>>("mailbox.list");
      const mail = mails.find(
        (m) => m.to === "sofia.rossi@acme.test" && /\/r\/[A-Za-z0-9_-]{22}/.test(m.text),
      );
      return mail?.text.match(/\/r\/[A-Za-z0-9_-]{22}/)?.[0] ?? "";
    });
  });
  expect(link).not.toBe("");
  await audit(browser, base, null, [
    { name: "sign-in", path: "/sign-in", phone: true },
    { name: "set-password", path: "/set-password" },
    { name: "reset-password", path: "/reset-password?token=not-a-real-token" },
    { name: "rating form (one-time link)", path: link, phone: true },
  ]);
});

test("a subject's pages: home, inbox, reports, a report, plans, a plan, profile", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const base = baseURL ?? "";
  const { reportId, planId } = await ids(base, "mei.lin@acme.test", async (api) => {
    const reports = await api.query<Array<{ requestId: string; relation: string }>>("reports.list");
    const plans = await api.query<Array<{ id: string }>>("plans.list");
    return { reportId: reports[0]?.requestId ?? "", planId: plans[0]?.id ?? "" };
  });
  const visits: Visit[] = [
    { name: "home", path: "/", phone: true },
    { name: "inbox", path: "/inbox" },
    { name: "reports", path: "/reports" },
    { name: "report", path: `/reports/${reportId}`, phone: true },
    { name: "plans", path: "/plans" },
    { name: "new plan", path: `/plans/new?requestId=${reportId}` },
    { name: "profile", path: "/profile" },
  ];
  if (planId) visits.push({ name: "plan (owner)", path: `/plans/${planId}` });
  await audit(browser, base, "mei.lin@acme.test", visits);
});

test("a rater's and a partner's pages: the rating form, plans I support, a supported plan", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const base = baseURL ?? "";
  const invitationId = await ids(base, "samuel.osei@acme.test", async (api) => {
    const inbox = await api.query<Array<{ invitationId: string; state: string }>>("inbox.list");
    return inbox.find((i) => i.state !== "submitted")?.invitationId ?? inbox[0]?.invitationId ?? "";
  });
  await audit(browser, base, "samuel.osei@acme.test", [
    { name: "inbox (rater)", path: "/inbox", phone: true },
    { name: "rating form", path: `/feedback/${invitationId}`, phone: true },
  ]);
  const { ownPlan, supported } = await ids(base, "tomas.herrera@acme.test", async (api) => {
    const plans = await api.query<Array<{ id: string }>>("plans.list");
    const support = await api.query<Array<{ plan: { id: string } }>>("partners.list");
    return { ownPlan: plans[0]?.id ?? "", supported: support[0]?.plan.id ?? "" };
  });
  await audit(browser, base, "tomas.herrera@acme.test", [
    { name: "plan (owner, published)", path: `/plans/${ownPlan}`, phone: true },
    { name: "plans I support", path: "/support" },
    { name: "plan (partner view)", path: `/plans/${supported}`, phone: true },
  ]);
});

test("a manager's and a coach's pages: requests, a request, dashboards, approvals", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const base = baseURL ?? "";
  const winter = await ids(base, "admin@acme.test", async (api) => {
    const cycles = await api.query<Array<{ id: string; name: string }>>("cycles.list");
    return cycles.find((c) => c.name.includes("Winter"))?.id ?? cycles[0]?.id ?? "";
  });
  const requestId = await ids(base, "daniel.okafor@acme.test", async (api) => {
    const requests = await api.query<Array<{ id: string }>>("requests.list");
    return requests[0]?.id ?? "";
  });
  await audit(browser, base, "daniel.okafor@acme.test", [
    { name: "requests", path: "/requests" },
    { name: "new request", path: "/requests/new" },
    { name: "request", path: `/requests/${requestId}` },
  ]);
  const teamId = await ids(base, "noor.haddad@acme.test", async (api) => {
    const teams = await api.query<Array<{ id: string; members: number }>>("dashboards.teams");
    return teams.find((t) => t.members < 50)?.id ?? teams[0]?.id ?? "";
  });
  await audit(browser, base, "noor.haddad@acme.test", [
    { name: "dashboards", path: "/dashboards" },
    { name: "team dashboard", path: `/dashboards/${teamId}`, phone: true },
  ]);
  await audit(browser, base, "priya.raman@acme.test", [
    { name: "cycle raters", path: `/cycles/${winter}/raters`, phone: true },
  ]);
  await audit(browser, base, "rachel.stein@acme.test", [
    { name: "cycle approvals", path: `/cycles/${winter}/approvals` },
  ]);
  await audit(browser, base, "ben.carter@acme.test", [
    { name: "organisation view", path: "/org", phone: true },
  ]);
});

test("an admin's pages: people, import, teams, settings, audit, e-mail, mailbox, cycles", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const base = baseURL ?? "";
  const winter = await ids(base, "admin@acme.test", async (api) => {
    const cycles = await api.query<Array<{ id: string; name: string }>>("cycles.list");
    return cycles.find((c) => c.name.includes("Winter"))?.id ?? cycles[0]?.id ?? "";
  });
  await audit(browser, base, "admin@acme.test", [
    { name: "admin people", path: "/admin/people", phone: true },
    { name: "admin import", path: "/admin/import" },
    { name: "admin teams", path: "/admin/teams" },
    { name: "admin settings", path: "/admin/settings" },
    { name: "admin instrument", path: "/admin/instrument" },
    { name: "admin audit", path: "/admin/audit" },
    { name: "admin e-mail delivery", path: "/admin/mail" },
    { name: "mailbox", path: "/mailbox" },
    { name: "admin cycles", path: "/admin/cycles" },
    { name: "admin cycle", path: `/admin/cycles/${winter}`, phone: true },
    { name: "new cycle wizard", path: "/admin/cycles/new" },
    { name: "not found", path: "/no-such-page" },
  ]);
});
