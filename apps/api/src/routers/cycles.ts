// Cycles (admins): create, pre-flight, launch, list, read, follow and extend a 360 across many people.
import {
  analyticsOrgInput,
  analyticsOrgOutput,
  createCycleInput,
  cycleDetailOutput,
  cycleIdInput,
  cycleProgressOutput,
  cycleSummaryOutput,
  extendCycleInput,
  launchCycleInput,
  preflightOutput,
} from "@fivefold/domain";
import { z } from "zod";
import { organisationAnalytics } from "../services/analytics/org";
import { createCycle } from "../services/cycles/create";
import { extendCyclePhase } from "../services/cycles/extend";
import { launchCycle } from "../services/cycles/launch";
import { preflight } from "../services/cycles/preflight";
import { cycleProgress, getCycle, listCycles } from "../services/cycles/read";
import { releaseCycle, remindCycle } from "../services/cycles/release";
import { memberProcedure, roleProcedure, router } from "../trpc/init";

const admin = roleProcedure("admin");

export const cyclesRouter = router({
  create: admin
    .input(createCycleInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createCycle({ ctx, input })),
  preflight: admin
    .input(cycleIdInput)
    .output(preflightOutput)
    .query(({ ctx, input }) => preflight({ ctx, input })),
  launch: admin
    .input(launchCycleInput)
    .output(z.object({ requests: z.number() }))
    .mutation(({ ctx, input }) => launchCycle({ ctx, input })),
  // Analysts list them too, to choose the cycle of the organisation view (names and phases only).
  list: roleProcedure("admin", "analyst")
    .output(z.array(cycleSummaryOutput))
    .query(({ ctx }) => listCycles({ ctx })),
  get: admin
    .input(cycleIdInput)
    .output(cycleDetailOutput)
    .query(({ ctx, input }) => getCycle({ ctx, input })),
  progress: admin
    .input(cycleIdInput)
    .output(cycleProgressOutput)
    .query(({ ctx, input }) => cycleProgress({ ctx, input })),
  extend: admin
    .input(extendCycleInput)
    .output(cycleSummaryOutput)
    .mutation(({ ctx, input }) => extendCyclePhase({ ctx, input })),
  remind: admin
    .input(cycleIdInput)
    .output(z.object({ reminded: z.number() }))
    .mutation(({ ctx, input }) => remindCycle({ ctx, input })),
  release: admin
    .input(cycleIdInput)
    .output(z.object({ released: z.number(), insufficient: z.number() }))
    .mutation(({ ctx, input }) => releaseCycle({ ctx, input })),
});

export const analyticsRouter = router({
  // Analysts, and admins where admins read reports: the service asks the domain.
  org: memberProcedure
    .input(analyticsOrgInput)
    .output(analyticsOrgOutput)
    .query(({ ctx, input }) => organisationAnalytics({ ctx, input })),
});
