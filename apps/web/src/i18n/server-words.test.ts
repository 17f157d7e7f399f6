// Sentences the server sends as data and the web writes in the reader's language: in English the web
// must say exactly what the server's own sentence says, so nothing reads differently per language.
import { buildNotifications } from "@fivefold/domain";
import i18next from "i18next";
import { beforeAll, expect, test } from "vitest";
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
