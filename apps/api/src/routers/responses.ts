// Answering an invitation: signed in by invitation id, or with a one-time link's token (public).
// There is no draft procedure: drafts stay in the rater's browser.
import { invitationIdInput, submitPayload, tokenInput } from "../features/collect/inputs";
import {
  declineInvitation,
  getForm,
  type InvitationKey,
  submitResponse,
} from "../features/collect/responses";
import type { MemberContext } from "../trpc/context";
import { memberProcedure, publicProcedure, router } from "../trpc/init";

const byId = (ctx: MemberContext, invitationId: string): InvitationKey => ({
  invitationId,
  personId: ctx.person.id,
  orgId: ctx.org.id,
});

const submitWithId = invitationIdInput.extend(submitPayload.shape);
const submitWithToken = tokenInput.extend(submitPayload.shape);

export const responsesRouter = router({
  get: memberProcedure
    .input(invitationIdInput)
    .query(({ ctx, input }) => getForm(ctx.db, byId(ctx, input.invitationId))),
  submit: memberProcedure.input(submitWithId).mutation(({ ctx, input }) =>
    submitResponse(ctx.db, byId(ctx, input.invitationId), input, {
      sealingSecret: ctx.sealingSecret,
      idempotencyKey: input.idempotencyKey,
    }),
  ),
  decline: memberProcedure
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => declineInvitation(ctx.db, byId(ctx, input.invitationId))),

  getByToken: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => getForm(ctx.db, { token: input.token })),
  submitByToken: publicProcedure.input(submitWithToken).mutation(({ ctx, input }) =>
    submitResponse(ctx.db, { token: input.token }, input, {
      sealingSecret: ctx.sealingSecret,
      idempotencyKey: input.idempotencyKey,
    }),
  ),
  declineByToken: publicProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => declineInvitation(ctx.db, { token: input.token })),
});
