// Sentences the server sends as data and the web writes in the reader's language: in English the web
// must say exactly what the server's own sentence says, so nothing reads differently per language.
import {
  attentionList,
  blankCells,
  blankCellsReason,
  buildNotifications,
  closeToEarlierWarning,
  type DimensionKey,
  decideExternalCounting,
  explainPlan,
  externalWarnings,
  getInstrument,
  suggestPartners,
} from "@fivefold/domain";
import i18next from "i18next";
import { beforeAll, expect, test } from "vitest";
import { planReasonText } from "../components/plan/FocusCard";
import { suggestionReason } from "../components/plan/InviteToCircle";
import { raterWarningText } from "../components/request/RequestStatus";
import { attentionText, blankText } from "../lib/dashboard";
import { texts } from "./sources";

const nested = (flat: Record<string, string>) => {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split(".");
    let at = out;
    for (const part of parts.slice(0, -1)) {
      at[part] ??= {};
      at = at[part] as Record<string, unknown>;
    }
    at[parts.at(-1) ?? ""] = value;
  }
  return out;
};

beforeAll(async () => {
  const all = texts();
  await i18next.init({
    lng: "en",
    fallbackLng: false,
    resources: Object.fromEntries(
      Object.entries(all).map(([language, namespaces]) => [
        language,
        Object.fromEntries(Object.entries(namespaces).map(([ns, flat]) => [ns, nested(flat)])),
      ]),
    ),
    interpolation: { escapeValue: false },
  });
});

test("the bell's sentences: the web's English is the server's, word for word, and German has each", () => {
  const list = buildNotifications({
    invitations: [
      { invitationId: "i1", subjectName: "Mei Lin", isSelf: false, deadline: "2026-12-10" },
      { invitationId: "i2", subjectName: "Me", isSelf: true, deadline: "2026-12-11" },
    ],
    nominations: [
      { requestId: "r1", subjectName: "Ravi Iyer", pending: 1, at: "2026-12-01" },
      { requestId: "r2", subjectName: "Sofia Rossi", pending: 3, at: "2026-12-02" },
    ],
    partnerInvitations: [
      { partnershipId: "p1", planId: "pl1", ownerName: "Aisha Bello", role: "lead", invitedAt: "2026-12-01" },
      {
        partnershipId: "p2",
        planId: "pl2",
        ownerName: "Lukas Becker",
        role: "partner",
        invitedAt: "2026-12-01",
      },
    ],
    checkins: [
      { planId: "pl3", dueOn: "2026-11-20", overdue: true },
      { planId: "pl4", dueOn: "2026-12-01", overdue: false },
    ],
    reports: [{ requestId: "r3", releasedAt: "2026-11-30" }],
    read: new Set(),
  });
  expect(new Set(list.map((n) => n.message.code)).size).toBe(8);
  for (const n of list) {
    const params = { name: n.message.name, count: n.message.count };
    expect(i18next.t(`shell:bell.says.${n.message.code}`, params)).toBe(n.text);
    const german = i18next.t(`shell:bell.says.${n.message.code}`, { ...params, lng: "de" });
    expect(german).not.toBe(n.text);
    if (n.message.name) expect(german).toContain(n.message.name);
  }
});

test("the dashboard's reasons: the web's English is the server's, word for word", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const self = { inspire: 4.9, vision: 4.8, empower: 3, dream: 3, risk: 3 };
  const others = { inspire: 3, vision: 3, empower: 3, dream: 3, risk: 3 };
  const items = attentionList(
    [
      {
        personId: "a",
        name: "A",
        latest: { requestId: "r", releasedAt: "2026-10-01", self, others },
        lastRequestInsufficient: true,
        plan: {
          state: "active",
          progress: 10,
          overdue: true,
          lastCheckinAt: "2026-10-01",
          publishedAt: "2026-09-01",
        },
      },
      {
        personId: "b",
        name: "B",
        latest: { requestId: "r2", releasedAt: "2026-10-01", self: { ...others, risk: 4.6 }, others },
        lastRequestInsufficient: false,
        plan: null,
      },
    ] as never,
    now,
  );
  const reasons = items.flatMap((item) => item.why.map((why, i) => [why, item.reasons[i]] as const));
  expect(new Set(reasons.map(([why]) => why.code))).toEqual(
    new Set(["overdue", "stalled", "insufficient", "blindSpot"]),
  );
  for (const [why, english] of reasons) expect(attentionText(why)).toBe(english);

  const facts = [
    { cycleFiltered: false, collectingUntil: "2026-12-12", withheld: null, lastInsufficient: false },
    { cycleFiltered: true, collectingUntil: null, withheld: null, lastInsufficient: false },
    { cycleFiltered: false, collectingUntil: null, withheld: "rated-it", lastInsufficient: false },
    {
      cycleFiltered: false,
      collectingUntil: null,
      withheld: "requested-by-someone-else",
      lastInsufficient: false,
    },
    { cycleFiltered: false, collectingUntil: null, withheld: null, lastInsufficient: true },
    { cycleFiltered: false, collectingUntil: null, withheld: null, lastInsufficient: false },
  ] as const;
  for (const f of facts) expect(blankText(blankCells(f))).toBe(blankCellsReason(f));
});

test("a plan's reasons: the web's English is the server's, word for word", () => {
  const row = (key: string, name: string, others: number | null, self: number | null) => ({
    key,
    name,
    others,
    self,
  });
  const report = {
    profile: [
      row("inspire", "Inspire & motivate", 2.5, 4.2),
      row("vision", "Set the vision", 2.8, 3),
      row("empower", "Empower others", 3.9, 3.1),
      row("dream", "Dream bigger", null, 3.3),
      row("risk", "Take risks", 4.4, 3.2),
    ],
    blindSpots: [{ dimension: "inspire", self: 4.2, others: 2.5 }],
    hiddenStrengths: [{ dimension: "risk", name: "Take risks", self: 3.2, others: 4.4 }],
  } as never;
  const seen = new Set<string>();
  const cases: Array<{ focus: DimensionKey[]; strength: DimensionKey }> = [
    { focus: ["inspire", "vision", "empower", "dream"], strength: "risk" },
    { focus: ["vision"], strength: "empower" },
    { focus: ["vision"], strength: "dream" },
  ];
  for (const plan of cases) {
    const reasons = explainPlan(report, plan);
    for (const reason of [...reasons.focus, reasons.strength]) {
      seen.add(reason.code);
      expect(planReasonText(reason)).toBe(reason.reason);
    }
  }
  expect(seen.size).toBeGreaterThanOrEqual(7);
});

/** `write` in English must be the server's sentence; in German it differs and keeps `keep`. */
async function inBothLanguages(cases: Array<{ english: string; write: () => string; keep: string[] }>) {
  for (const c of cases) expect(c.write()).toBe(c.english);
  await i18next.changeLanguage("de");
  try {
    for (const c of cases) {
      const german = c.write();
      expect(german).not.toBe(c.english);
      for (const kept of c.keep) expect(german).toContain(kept);
    }
  } finally {
    await i18next.changeLanguage("en");
  }
}

test("partner suggestions' reasons: the web's English is the server's, word for word, and German has each", async () => {
  const dimensionNames = Object.fromEntries(getInstrument().dimensions.map((d) => [d.key, d.name]));
  const candidate = (personId: string, profile: Record<string, number>, offered: DimensionKey[] = []) => ({
    personId,
    name: personId,
    optIn: true,
    optInDimensions: offered,
    profile,
  });
  const suggestions = suggestPartners({
    subjectId: "s",
    subjectDirectReportIds: [],
    focus: ["risk", "empower", "vision"],
    dimensionNames,
    candidates: [
      candidate("both", { risk: 4.6, empower: 4.2, vision: 4.1 }, ["vision"]),
      candidate("strong", { risk: 4.5 }),
      candidate("offered", { risk: 3 }, ["empower", "risk"]),
      candidate("neither", {}),
    ],
  });
  expect(suggestions.map((s) => s.personId).sort()).toEqual(["both", "neither", "offered", "strong"]);
  await inBothLanguages(
    suggestions.map((s) => ({ english: s.reason, write: () => suggestionReason(s), keep: [] })),
  );
});

test("warnings about raters: the web's English is the server's, word for word, and German has each", async () => {
  const { verdicts } = decideExternalCounting(
    [
      { email: "ann@partner.com", group: "other", approved: false },
      { email: "me@gmail.com", group: "other", approved: false },
    ],
    ["partner.com"],
  );
  const warnings = [
    ...externalWarnings(verdicts),
    closeToEarlierWarning({ groups: ["peer", "direct_report"], threshold: 3, releasedOn: "2026-11-30" }),
    closeToEarlierWarning({ groups: [], threshold: 4, releasedOn: "2026-01-02" }),
  ];
  await inBothLanguages(
    warnings.map((w) => ({
      english: w.detail,
      write: () => raterWarningText(w),
      keep: w.kind === "external_not_counted" ? [w.email] : [String(w.threshold), "2026"],
    })),
  );
});
