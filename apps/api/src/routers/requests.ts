// Feedback requests: create, open, get, list, progress, close, cancel, follow up (remind, extend, add a rater),
// and approving external raters.
import {
  addRaterInput,
  addRaterOutput,
  approveExternalInput,
  approveExternalOutput,
  cancelRequestOutput,
  closeRequestOutput,
  createRequestInput,
  createRequestOutput,
  extendRequestInput,
  extendRequestOutput,
  feedbackRequestIdInput,
  openRequestOutput,
  remindRequestOutput,
  requestDetailOutput,
  requestListOutput,
  requestProgressOutput,
} from "@fivefold/domain";
import { addRater } from "../services/collect/add-rater";
import { extendRequest, remindRequest } from "../services/collect/chase";
import { createRequest } from "../services/collect/create-request";
import { approveExternal } from "../services/collect/externals";
import { cancelRequest, closeRequest, openRequest } from "../services/collect/lifecycle";
import { getRequest } from "../services/collect/nominations";
import { listRequests, requestProgress } from "../services/collect/progress";
import { memberProcedure, roleProcedure, router } from "../trpc/init";

export const requestsRouter = router({
  create: memberProcedure
    .input(createRequestInput)
    .output(createRequestOutput)
    .mutation(({ ctx, input }) => createRequest({ ctx, input })),
  open: memberProcedure
    .input(feedbackRequestIdInput)
    .output(openRequestOutput)
    .mutation(({ ctx, input }) => openRequest({ ctx, input })),
  get: memberProcedure
    .input(feedbackRequestIdInput)
    .output(requestDetailOutput)
    .query(({ ctx, input }) => getRequest({ ctx, input })),
  list: memberProcedure.output(requestListOutput).query(({ ctx }) => listRequests({ ctx })),
  progress: memberProcedure
    .input(feedbackRequestIdInput)
    .output(requestProgressOutput)
    .query(({ ctx, input }) => requestProgress({ ctx, input })),
  close: memberProcedure
    .input(feedbackRequestIdInput)
    .output(closeRequestOutput)
    .mutation(({ ctx, input }) => closeRequest({ ctx, input })),
  cancel: memberProcedure
    .input(feedbackRequestIdInput)
    .output(cancelRequestOutput)
    .mutation(({ ctx, input }) => cancelRequest({ ctx, input })),
  remind: memberProcedure
    .input(feedbackRequestIdInput)
    .output(remindRequestOutput)
    .mutation(({ ctx, input }) => remindRequest({ ctx, input })),
  extend: memberProcedure
    .input(extendRequestInput)
    .output(extendRequestOutput)
    .mutation(({ ctx, input }) => extendRequest({ ctx, input })),
  addRater: memberProcedure
    .input(addRaterInput)
    .output(addRaterOutput)
    .mutation(({ ctx, input }) => addRater({ ctx, input })),
  approveExternal: roleProcedure("admin")
    .input(approveExternalInput)
    .output(approveExternalOutput)
    .mutation(({ ctx, input }) => approveExternal({ ctx, input })),
});
