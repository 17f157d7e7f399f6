// The audit log (admins): who did what to which record, and when.
import { auditListInput, auditListOutput } from "@fivefold/domain";
import { listAudit } from "../services/audit/list";
import { roleProcedure, router } from "../trpc/init";

export const auditRouter = router({
  list: roleProcedure("admin")
    .input(auditListInput)
    .output(auditListOutput)
    .query(({ ctx, input }) => listAudit({ ctx, input })),
});
