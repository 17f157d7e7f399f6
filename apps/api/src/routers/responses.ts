// Answering an invitation: signed in by invitation id, or with a one-time link's token (public).
// There is no draft procedure: drafts stay in the rater's browser.
import {
  answerFormOutput,
  declineInvitationOutput,
  invitationIdInput,
  invitationTokenInput,
  submitByIdInput,
  submitByTokenInput,
  submitResponseOutput,
} from "@fivefold/domain";
import {
  declineInvitation,
  getForm,
  type InvitationKey,
  submitResponse,
} from "../services/collect/responses";
import type { MemberContext } from "../trpc/context";
import { memberProcedure, publicProcedure, router } from "../trpc/init";
import { linkLimitFor } from "../trpc/link-limits";

const byId = (ctx: MemberContext, invitationId: string): InvitationKey => ({
  invitationId,
  personId: ctx.person.id,
  orgId: ctx.org.id,
});

export const responsesRouter = router({
  get: memberProcedure
    .input(invitationIdInput)
    .output(answerFormOutput)
    .query(({ ctx, input }) => getForm({ ctx, input: byId(ctx, input.invitationId) })),
  submit: memberProcedure
    .input(submitByIdInput)
    .output(submitResponseOutput)
    .mutation(({ ctx, input }) =>
      submitResponse({
        ctx,
        input: { key: byId(ctx, input.invitationId), payload: input, idempotencyKey: input.idempotencyKey },
      }),
    ),
  decline: memberProcedure
    .input(invitationIdInput)
    .output(declineInvitationOutput)
    .mutation(({ ctx, input }) => declineInvitation({ ctx, input: byId(ctx, input.invitationId) })),

  getByToken: publicProcedure
    .input(invitationTokenInput)
    .output(answerFormOutput)
    .query(({ ctx, input }) => getForm({ ctx, input: { token: input.token } })),
  submitByToken: publicProcedure
    .input(submitByTokenInput)
    .output(submitResponseOutput)
    .mutation(({ ctx, input }) =>
      submitResponse({
        ctx,
        input: {
          key: { token: input.token },
          payload: input,
          idempotencyKey: input.idempotencyKey,
          linkLimit: linkLimitFor(ctx.edge, input.token),
        },
      }),
    ),
  declineByToken: publicProcedure
    .input(invitationTokenInput)
    .output(declineInvitationOutput)
    .mutation(({ ctx, input }) => declineInvitation({ ctx, input: { token: input.token } })),
});
