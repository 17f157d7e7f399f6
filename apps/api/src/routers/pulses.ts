// The perceived-change pulse (issue 19): the owner schedules it on a published plan; its raters
// answer in the app or through the one-time link. Its figures reach the owner and coach in plans.get.
import {
  answerPulseByTokenInput,
  answerPulseInput,
  answerPulseOutput,
  myPulsesOutput,
  pulseFormOutput,
  pulseIdInput,
  pulseTokenInput,
  schedulePulseInput,
  schedulePulseOutput,
  teamPulsesInput,
  teamPulsesOutput,
} from "@fivefold/domain";
import { answerPulse, myPulses, pulseForm, schedulePulse, teamPulses } from "../services/pulses";
import type { MemberContext } from "../trpc/context";
import { memberProcedure, publicProcedure, router } from "../trpc/init";

const own = (ctx: MemberContext, pulseId: string) => ({
  pulseId,
  personId: ctx.person.id,
  orgId: ctx.org.id,
});

export const pulsesRouter = router({
  schedule: memberProcedure
    .input(schedulePulseInput)
    .output(schedulePulseOutput)
    .mutation(({ ctx, input }) => schedulePulse({ ctx, input })),
  team: memberProcedure
    .input(teamPulsesInput)
    .output(teamPulsesOutput)
    .query(({ ctx, input }) => teamPulses({ ctx, input })),
  mine: memberProcedure.output(myPulsesOutput).query(({ ctx }) => myPulses({ ctx })),
  form: memberProcedure
    .input(pulseIdInput)
    .output(pulseFormOutput)
    .query(({ ctx, input }) => pulseForm({ ctx, input: own(ctx, input.requestId) })),
  answer: memberProcedure
    .input(answerPulseInput)
    .output(answerPulseOutput)
    .mutation(({ ctx, input }) =>
      answerPulse({
        ctx,
        input: { key: own(ctx, input.requestId), answers: input.answers, suggestion: input.suggestion },
      }),
    ),
  formByToken: publicProcedure
    .input(pulseTokenInput)
    .output(pulseFormOutput)
    .query(({ ctx, input }) => pulseForm({ ctx, input: { token: input.token } })),
  answerByToken: publicProcedure
    .input(answerPulseByTokenInput)
    .output(answerPulseOutput)
    .mutation(({ ctx, input }) =>
      answerPulse({
        ctx,
        input: { key: { token: input.token }, answers: input.answers, suggestion: input.suggestion },
      }),
    ),
});
