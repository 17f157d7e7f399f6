// Admins edit their organisation's instrument (issue 19): the versions so far, the one working
// draft, and publishing it as the next version. A draft is checked against the latest published
// version when saved and again when published; edits of one organisation take turns on its row.
import {
  findInstrumentDraft,
  findLatestInstrumentVersion,
  listPublishedInstrumentVersions,
  lockInstrumentEdits,
  publishInstrumentDraft,
  saveInstrumentDraft,
} from "@fivefold/db";
import {
  BUILT_IN_RECORD,
  draftChanges,
  type InstrumentDraftInput,
  type InstrumentDraftOutput,
  type InstrumentListOutput,
  type InstrumentPublishOutput,
  type InstrumentVersionRecord,
  PreconditionFailedError,
  validateDraft,
  versionItemsSchema,
} from "@fivefold/domain";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { recordOf } from "./versions";

type Call<I = undefined> = { ctx: MemberServiceContext; input: I };

const plainItems = (record: InstrumentVersionRecord) =>
  record.items.map((item) => ({
    key: item.key,
    dimension: item.dimension,
    text: { en: item.text.en, de: item.text.de },
    retired: item.retired,
  }));

async function latest(ctx: MemberServiceContext): Promise<InstrumentVersionRecord> {
  const row = await findLatestInstrumentVersion(ctx.db, ctx.org.id);
  return row ? recordOf(row) : BUILT_IN_RECORD;
}

export async function listInstrumentVersions({ ctx }: Call): Promise<InstrumentListOutput> {
  const rows = await listPublishedInstrumentVersions(ctx.db, ctx.org.id);
  return [BUILT_IN_RECORD, ...rows.map(recordOf)].map((record) => ({
    version: record.version,
    publishedAt: record.publishedAt,
    items: plainItems(record),
  }));
}

export async function getInstrumentDraft({ ctx }: Call): Promise<InstrumentDraftOutput | null> {
  const row = await findInstrumentDraft(ctx.db, ctx.org.id);
  if (!row) return null;
  const items = versionItemsSchema.parse(row.items);
  const published = await latest(ctx);
  return {
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    items: plainItems({ ...published, items }),
    changes: draftChanges(published.items, items),
  };
}

/** Creates the working draft or replaces its items; it becomes the version after the latest published. */
export async function saveDraft({ ctx, input }: Call<InstrumentDraftInput>): Promise<InstrumentDraftOutput> {
  return withTransaction(ctx, async (ctx) => {
    await lockInstrumentEdits(ctx.db, ctx.org.id);
    const published = await latest(ctx);
    validateDraft(published.items, input.items);
    const now = nowOf(ctx);
    const version = published.version + 1;
    const items = plainItems({ ...published, items: input.items });
    await saveInstrumentDraft(ctx.db, { orgId: ctx.org.id, version, items, updatedBy: ctx.person.id, now });
    await auditAs(ctx, "instrument.draft", { type: "organisation", id: ctx.org.id }, { version });
    return { version, updatedAt: now.toISOString(), items, changes: draftChanges(published.items, items) };
  });
}

/** Publishes the working draft as the organisation's next version; open requests keep theirs. */
export async function publishDraft({ ctx }: Call): Promise<InstrumentPublishOutput> {
  return withTransaction(ctx, async (ctx) => {
    await lockInstrumentEdits(ctx.db, ctx.org.id);
    const draft = await findInstrumentDraft(ctx.db, ctx.org.id);
    if (!draft) throw new PreconditionFailedError("There is no draft to publish: save a draft first");
    const published = await latest(ctx);
    const items = versionItemsSchema.parse(draft.items);
    validateDraft(published.items, items);
    if (!draftChanges(published.items, items)) {
      throw new PreconditionFailedError(
        `The draft is the same as version ${published.version}: change a behaviour before publishing`,
      );
    }
    const now = nowOf(ctx);
    const row = await publishInstrumentDraft(ctx.db, ctx.org.id, now);
    if (!row) throw new PreconditionFailedError("There is no draft to publish: save a draft first");
    const active = items.filter((item) => !item.retired).length;
    await auditAs(
      ctx,
      "instrument.publish",
      { type: "organisation", id: ctx.org.id },
      {
        version: row.version,
        behaviours: active,
        retired: items.length - active,
      },
    );
    return { version: row.version, publishedAt: now.toISOString() };
  });
}
