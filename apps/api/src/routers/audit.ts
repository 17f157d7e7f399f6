// The audit log (admins): who did what to which record, and when.
import { auditListInput, listAudit } from "../features/audit/list";
import { roleProcedure, router } from "../trpc/init";

export const auditRouter = router({
  list: roleProcedure("admin")
    .input(auditListInput)
    .query(({ ctx, input }) => listAudit(ctx, input)),
});
