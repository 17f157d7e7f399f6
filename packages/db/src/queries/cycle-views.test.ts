// The frozen reports of a cycle, read back as one text: every field comes back exactly as written,
// whatever a cell key holds (the separators of the text, quotes, a pipe, a newline, non-Latin
// script), a figure that is null or a double with its last digit, and a subject untied by erasure.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { cycles, organisations } from "../schema";
import { createTestDatabase, testDriver } from "../testing";
import { type FrozenReport, insertFrozenView, listFrozenReports } from "./cycle-views";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
}, 30_000);
afterAll(async () => {
  await handle?.close();
});

describe(`frozen reports on ${testDriver()}`, () => {
  it("read back exactly as frozen, cell keys with the text's own separators included", async () => {
    const [org] = await handle.db.insert(organisations).values({ name: "Frozen" }).returning();
    const [cycle] = await handle.db
      .insert(cycles)
      .values({ orgId: org?.id as string, name: "Spring", startsOn: "2026-03-02", endsOn: "2026-03-27" })
      .returning();
    const base = { orgId: org?.id as string, cycleId: cycle?.id as string };
    const reports: FrozenReport[] = [
      {
        requestId: randomUUID(),
        subjectId: randomUUID(),
        cellKeys: ["team:a", 'department:Sales \u001f East\u001e|"quoted", \\ and\nmore', "location:東京"],
        inspire: 3.1666666666666665,
        vision: 1,
        empower: null,
        dream: 4.999999999999999,
        risk: 2.5,
      },
      {
        requestId: randomUUID(),
        subjectId: null,
        cellKeys: [],
        inspire: null,
        vision: null,
        empower: null,
        dream: null,
        risk: null,
      },
    ];
    await insertFrozenView(handle.db, {
      reports: reports.map((report) => ({ ...base, ...report, requesterId: null })),
      cells: [],
    });
    const read = await listFrozenReports(handle.db, base.orgId, base.cycleId);
    const byId = (list: readonly FrozenReport[]) =>
      [...list].sort((a, b) => a.requestId.localeCompare(b.requestId));
    expect(byId(read)).toEqual(byId(reports));
    expect(await listFrozenReports(handle.db, base.orgId, randomUUID())).toEqual([]);
  }, 30_000);
});
