// API tokens (admins): tokens other systems call with (SCIM provisioning, the read API).
import {
  apiTokenIdInput,
  apiTokensListOutput,
  createApiTokenInput,
  createApiTokenOutput,
  revokeApiTokenOutput,
} from "@fivefold/domain";
import { createToken, listTokens, revokeToken } from "../services/api-tokens/manage";
import { roleProcedure, router } from "../trpc/init";

const admin = roleProcedure("admin");

export const apiTokensRouter = router({
  list: admin.output(apiTokensListOutput).query(({ ctx }) => listTokens({ ctx })),
  create: admin
    .input(createApiTokenInput)
    .output(createApiTokenOutput)
    .mutation(({ ctx, input }) => createToken({ ctx, input })),
  revoke: admin
    .input(apiTokenIdInput)
    .output(revokeApiTokenOutput)
    .mutation(({ ctx, input }) => revokeToken({ ctx, input })),
});
