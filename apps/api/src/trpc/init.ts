// tRPC setup: plain JSON (no transformer), the error mapper, and the procedure ladder
// public → authed → member → role(...).
import { findMembershipByUserId, markPersonEntered } from "@fivefold/db";
import {
  findUncleanText,
  hasAnyRole,
  InvalidInputError,
  type Role,
  zodErrorToFields,
} from "@fivefold/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { forgetRecent, RecentCache } from "../services/recent";
import { type Context, type MemberContext, memoise } from "./context";
import { fieldsOf, toTRPCError } from "./errors";
import { limitLinkCall } from "./link-limits";
import { uncleanTextRefusal } from "./unclean-text";

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, fields: fieldsOf(error), stack: undefined } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  // tRPC wraps whatever a handler throws in an INTERNAL_SERVER_ERROR; unwrap and map it once.
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && result.error.cause) {
    throw toTRPCError(result.error.cause);
  }
  // Input that fails its schema: a sentence and per-field messages, not zod's JSON.
  if (!result.ok && result.error.code === "BAD_REQUEST" && result.error.cause instanceof ZodError) {
    const { message, fields } = zodErrorToFields(result.error.cause);
    throw toTRPCError(new InvalidInputError(message, fields));
  }
  return result;
});

// Outside mapErrors, so it sees the mapped result (a link that does not exist is NOT_FOUND).
const limitLinks = t.middleware(({ ctx, path, getRawInput, next }) =>
  limitLinkCall(ctx.edge, path, getRawInput, next),
);

/**
 * Text that no field accepts, anywhere in the input (a key included): an unpaired surrogate, a NUL
 * or an absurd length is a BAD_REQUEST naming where it is, before any schema or query sees it
 * (Postgres would otherwise fail on it with a 500).
 */
const cleanInput = t.middleware(async ({ next, getRawInput }) => {
  const problem = findUncleanText(await getRawInput());
  if (problem) {
    const refusal = uncleanTextRefusal(problem);
    throw new InvalidInputError(refusal.message, { [refusal.field]: refusal.fieldMessage });
  }
  return next();
});

// A mutation may change who is a member or who may read what: the recent caches forget everything.
const forgetAfterMutations = t.middleware(async ({ type, next }) => {
  if (type !== "mutation") return next();
  try {
    return await next();
  } finally {
    forgetRecent();
  }
});

export const publicProcedure = t.procedure
  .use(forgetAfterMutations)
  .use(limitLinks)
  .use(mapErrors)
  .use(cleanInput);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

/** Members of sessions, over HTTP (services/recent.ts); a sign-in that is no member is asked again. */
const recentMembers = new RecentCache<Awaited<ReturnType<typeof findMembershipByUserId>>>();

async function findMember(ctx: Context & { userId: string }) {
  const found = await findMembershipByUserId(ctx.db, ctx.userId, ctx.sessionId);
  // The first call that answers for a person linked from elsewhere: from now on their directory
  // entry says they have a sign-in (once per person, never again).
  if (found?.firstEntry) await markPersonEntered(ctx.db, found.person.id);
  return found ? { ...found, firstEntry: false } : null;
}

/**
 * The signed-in caller's membership, memoised per request and, over HTTP, kept at most a minute
 * (services/recent.ts); null when not an active member.
 */
export function membershipOf(ctx: Context & { userId: string }) {
  const key = `${ctx.userId}:${ctx.sessionId}`;
  return memoise(ctx, `membership:${key}`, () =>
    ctx.recent
      ? recentMembers.get(
          key,
          () => findMember(ctx),
          (found) => found !== null,
        )
      : findMember(ctx),
  );
}

/**
 * The member the recent cache holds for this session right now, without loading (null when it
 * holds none): what `membershipOf` would answer from it. For http/known-answers.ts.
 */
export function recentMembership(userId: string, sessionId: string | null) {
  return recentMembers.peek(`${userId}:${sessionId}`) ?? null;
}

export const memberProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const membership = await membershipOf(ctx);
  if (!membership) {
    throw new TRPCError({ code: "FORBIDDEN", message: "You are not an active member of an organisation" });
  }
  const { firstEntry: _firstEntry, ...member } = membership;
  const narrowed: MemberContext = { ...ctx, ...member };
  return next({ ctx: narrowed });
});

/** The refusal of a procedure for other roles: a whole sentence for each (the web translates it). */
function needsRole(roles: readonly Role[]): TRPCError {
  const [only] = roles;
  const adminOrAnalyst = roles.length === 2 && roles.includes("admin") && roles.includes("analyst");
  return new TRPCError({
    code: "FORBIDDEN",
    message: adminOrAnalyst
      ? "This is for admins and analysts"
      : roles.length !== 1
        ? "Your roles do not give you access to this"
        : only === "admin"
          ? "This is for admins"
          : only === "analyst"
            ? "This is for analysts"
            : only === "coach"
              ? "This is for coaches"
              : only === "manager"
                ? "This is for managers"
                : "This is for members of the organisation",
  });
}

export function roleProcedure(...roles: Role[]) {
  return memberProcedure.use(({ ctx, next }) => {
    if (!hasAnyRole(ctx.roles, roles)) throw needsRole(roles);
    return next();
  });
}
