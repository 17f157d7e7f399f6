// people.directoryPage: the admin People page's list, a page at a time (keyset by name and id, as
// people.list), searched on the server, with the organisation's counts of active and deactivated
// people. The page never loads the whole directory: at 10,000 people that was 2 MB per visit.
import { countDirectory, listDirectoryPage } from "@fivefold/db";
import type { PeopleDirectoryPageInput, PeopleDirectoryPageOutput } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";
import { decodeCursor, encodeCursor } from "./list-people";

export async function listDirectoryPeople({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: PeopleDirectoryPageInput;
}): Promise<PeopleDirectoryPageOutput> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await listDirectoryPage(ctx.db, ctx.org.id, {
    query: input.query || undefined,
    status: input.status,
    after,
    // One more than the page: whether there is a next page, without counting.
    limit: input.limit + 1,
  });
  const counts = await countDirectory(ctx.db, ctx.org.id);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    people: page.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
    counts,
  };
}
