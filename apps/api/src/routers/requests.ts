// Feedback requests: create, open, get, list, progress, close, cancel, and approving external raters.
import { approveExternal } from "../features/collect/externals";
import { approveExternalInput, createRequestInput, requestIdInput } from "../features/collect/inputs";
import { getRequest } from "../features/collect/nominations";
import {
  cancelRequest,
  closeRequest,
  createRequest,
  listRequests,
  openRequest,
  requestProgress,
} from "../features/collect/requests";
import { memberProcedure, roleProcedure, router } from "../trpc/init";

export const requestsRouter = router({
  create: memberProcedure.input(createRequestInput).mutation(({ ctx, input }) => createRequest(ctx, input)),
  open: memberProcedure.input(requestIdInput).mutation(({ ctx, input }) => openRequest(ctx, input.requestId)),
  get: memberProcedure.input(requestIdInput).query(({ ctx, input }) => getRequest(ctx, input.requestId)),
  list: memberProcedure.query(({ ctx }) => listRequests(ctx)),
  progress: memberProcedure
    .input(requestIdInput)
    .query(({ ctx, input }) => requestProgress(ctx, input.requestId)),
  close: memberProcedure
    .input(requestIdInput)
    .mutation(({ ctx, input }) => closeRequest(ctx, input.requestId)),
  cancel: memberProcedure
    .input(requestIdInput)
    .mutation(({ ctx, input }) => cancelRequest(ctx, input.requestId)),
  approveExternal: roleProcedure("admin")
    .input(approveExternalInput)
    .mutation(({ ctx, input }) => approveExternal(ctx, input)),
});
