// Answering an invitation: signed in by invitation id, or with a one-time link's token (public).
import {
  answersPayload,
  declinePayload,
  invitationIdInput,
  submitPayload,
  tokenInput,
} from "../features/collect/inputs";
import {
  declineInvitation,
  getForm,
  type InvitationKey,
  saveDraft,
  submitResponse,
} from "../features/collect/responses";
import type { MemberContext } from "../trpc/context";
import { memberProcedure, publicProcedure, router } from "../trpc/init";

const byId = (ctx: MemberContext, invitationId: string): InvitationKey => ({
  invitationId,
  personId: ctx.person.id,
  orgId: ctx.org.id,
});

const withId = invitationIdInput.extend(answersPayload.shape);
const withToken = tokenInput.extend(answersPayload.shape);
const submitWithId = invitationIdInput.extend(submitPayload.shape);
const submitWithToken = tokenInput.extend(submitPayload.shape);

export const responsesRouter = router({
  get: memberProcedure
    .input(invitationIdInput)
    .query(({ ctx, input }) => getForm(ctx.db, byId(ctx, input.invitationId))),
  saveDraft: memberProcedure
    .input(withId)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, byId(ctx, input.invitationId), input)),
  submit: memberProcedure
    .input(submitWithId)
    .mutation(({ ctx, input }) =>
      submitResponse(ctx.db, byId(ctx, input.invitationId), input, undefined, input.idempotencyKey),
    ),
  decline: memberProcedure
    .input(invitationIdInput.extend(declinePayload.shape))
    .mutation(({ ctx, input }) => declineInvitation(ctx.db, byId(ctx, input.invitationId), input.reason)),

  getByToken: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => getForm(ctx.db, { token: input.token })),
  saveDraftByToken: publicProcedure
    .input(withToken)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, { token: input.token }, input)),
  submitByToken: publicProcedure
    .input(submitWithToken)
    .mutation(({ ctx, input }) =>
      submitResponse(ctx.db, { token: input.token }, input, undefined, input.idempotencyKey),
    ),
  declineByToken: publicProcedure
    .input(tokenInput.extend(declinePayload.shape))
    .mutation(({ ctx, input }) => declineInvitation(ctx.db, { token: input.token }, input.reason)),
});
