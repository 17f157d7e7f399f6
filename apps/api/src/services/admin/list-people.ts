// people.list: any member pages through the active people of their organisation, or searches them,
// to pick raters, partners, members and coaches. Pages are joined by an opaque cursor: the name and
// id of the page's last person (the list's order), so a page never repeats or skips anyone.
import { listPeoplePage } from "@fivefold/db";
import { InvalidInputError, type PeopleListInput, type PeopleListOutput } from "@fivefold/domain";
import { z } from "zod";
import type { MemberServiceContext } from "../context";

interface Cursor {
  name: string;
  id: string;
}

const cursorSchema = z.object({ name: z.string().max(400), id: z.uuid() });

/** The opaque cursor of a page by name then id (people.list, people.directoryPage). */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const [name, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    const parsed = cursorSchema.safeParse({ name, id });
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the error below
  }
  throw new InvalidInputError("This page of people is not one the list gave out: start from the first page", {
    cursor: "Start from the first page",
  });
}

export async function listActivePeople({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: PeopleListInput;
}): Promise<PeopleListOutput> {
  const rows = await listPeoplePage(ctx.db, ctx.org.id, {
    query: input.query || undefined,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    teamId: input.teamId,
    managerId: input.managerId,
    ids: input.ids,
    emails: input.emails,
    // One more than the page: whether there is a next page, without counting.
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    people: page,
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}
