// The questionnaire: `get` serves the caller's organisation's current version (or one it names;
// the built-in version to callers who are not signed in); admins list, draft and publish versions.
import {
  instrumentDraftInput,
  instrumentDraftOutput,
  instrumentGetDraftOutput,
  instrumentInput,
  instrumentListOutput,
  instrumentPublishOutput,
  instrumentSchema,
} from "@fivefold/domain";
import {
  getInstrumentDraft,
  listInstrumentVersions,
  publishDraft,
  saveDraft,
} from "../services/instrument/edit";
import { getOrgInstrument } from "../services/instrument/get";
import { membershipOf, publicProcedure, roleProcedure, router } from "../trpc/init";

export const instrumentRouter = router({
  get: publicProcedure
    .input(instrumentInput)
    .output(instrumentSchema)
    .query(async ({ ctx, input }) => {
      const member = ctx.userId ? await membershipOf({ ...ctx, userId: ctx.userId }) : null;
      return getOrgInstrument({ ctx, orgId: member?.org.id ?? null, input });
    }),
  list: roleProcedure("admin")
    .output(instrumentListOutput)
    .query(({ ctx }) => listInstrumentVersions({ ctx, input: undefined })),
  getDraft: roleProcedure("admin")
    .output(instrumentGetDraftOutput)
    .query(({ ctx }) => getInstrumentDraft({ ctx, input: undefined })),
  draft: roleProcedure("admin")
    .input(instrumentDraftInput)
    .output(instrumentDraftOutput)
    .mutation(({ ctx, input }) => saveDraft({ ctx, input })),
  publish: roleProcedure("admin")
    .output(instrumentPublishOutput)
    .mutation(({ ctx }) => publishDraft({ ctx, input: undefined })),
});
