// me.get, people.list and health through createCaller, on the real schema.
import { testDriver } from "@fivefold/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { createHarness, type Harness, smallOrg } from "../testing/harness";

let h: Harness;
let orgA: SeededOrganisation;
let orgB: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  orgA = await h.seed(smallOrg("Org A", "a.test"));
  orgB = await h.seed(smallOrg("Org B", "b.test"));
});
afterAll(async () => {
  await h?.close();
});

describe(`foundation procedures on ${testDriver()}`, () => {
  it("health answers without a session and names the driver", async () => {
    expect(await h.callerFor(null).health()).toEqual({ ok: true, db: testDriver() });
  });

  it("me.get returns the person, organisation and roles", async () => {
    const me = await h.as(orgA, "admin").me.get();
    expect(me).toEqual({
      person: { id: orgA.people.admin?.personId, name: "Org A Admin", email: "admin@a.test", language: null },
      org: { id: orgA.orgId, name: "Org A", anonymityThreshold: 3, language: "en" },
      roles: ["admin", "member"],
      language: "en",
    });
    expect((await h.as(orgA, "coach").me.get()).roles).toEqual(["coach", "member"]);
  });

  it("me.get without a session is UNAUTHORIZED", async () => {
    await expect(h.callerFor(null).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("a user without a person is FORBIDDEN", async () => {
    await expect(h.callerFor("no-such-user").me.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("people.list shows my organisation only, with managers and teams", async () => {
    const { people: list, nextCursor } = await h.as(orgA, "ann").people.list();
    expect(nextCursor).toBeNull();
    expect(list).toHaveLength(6);
    expect(list.every((p) => p.email.endsWith("@a.test"))).toBe(true);
    const ann = list.find((p) => p.email === "ann@a.test");
    expect(ann?.managerId).toBe(orgA.people.manager?.personId);
    expect(ann?.teamIds).toEqual([orgA.teams.Core]);
    const idsB = new Set(Object.values(orgB.people).map((p) => p.personId));
    expect(list.some((p) => idsB.has(p.id))).toBe(false);

    const { people: listB } = await h.as(orgB, "ann").people.list();
    expect(listB.every((p) => p.email.endsWith("@b.test"))).toBe(true);
  });
});
