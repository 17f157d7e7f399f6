// People: any member lists the active people of their organisation (e.g. to pick raters); admins
// see everyone, import a CSV, add, edit, deactivate, set roles and erase; export is for admins and
// for oneself.
import { listPeople } from "@fivefold/db";
import { erasePerson } from "../features/admin/erase";
import { exportPerson } from "../features/admin/export";
import { importPeople } from "../features/admin/import";
import {
  createPersonInput,
  importInput,
  personIdInput,
  setRolesInput,
  updatePersonInput,
} from "../features/admin/inputs";
import { createPerson, peopleDirectory, setRoles, updatePerson } from "../features/admin/people";
import { memberProcedure, roleProcedure, router } from "../trpc/init";

const admin = roleProcedure("admin");

export const peopleRouter = router({
  list: memberProcedure.query(({ ctx }) => listPeople(ctx.db, ctx.org.id)),
  directory: admin.query(({ ctx }) => peopleDirectory(ctx)),
  import: admin.input(importInput).mutation(({ ctx, input }) => importPeople(ctx, input)),
  create: admin.input(createPersonInput).mutation(({ ctx, input }) => createPerson(ctx, input)),
  update: admin.input(updatePersonInput).mutation(({ ctx, input }) => updatePerson(ctx, input)),
  setRoles: admin.input(setRolesInput).mutation(({ ctx, input }) => setRoles(ctx, input)),
  erase: admin.input(personIdInput).mutation(({ ctx, input }) => erasePerson(ctx, input.personId)),
  export: memberProcedure
    .input(personIdInput)
    .mutation(({ ctx, input }) => exportPerson(ctx, input.personId)),
});
