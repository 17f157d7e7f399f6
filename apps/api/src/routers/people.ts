// People: any member lists the active people of their organisation (e.g. to pick raters); admins
// see everyone, import a CSV, add, edit, deactivate, set roles and erase; export is for admins and
// for oneself.
import {
  createPersonInput,
  directoryEntryOutput,
  eraseOutput,
  exportOutput,
  importInput,
  importOutput,
  peopleDirectoryOutput,
  peopleDirectoryPageInput,
  peopleDirectoryPageOutput,
  peopleListInput,
  peopleListOutput,
  personIdInput,
  setRolesInput,
  setRolesOutput,
  updatePersonInput,
} from "@fivefold/domain";
import { listDirectoryPeople } from "../services/admin/directory-page";
import { erasePerson } from "../services/admin/erase";
import { exportPerson } from "../services/admin/export";
import { importPeople } from "../services/admin/import";
import { listActivePeople } from "../services/admin/list-people";
import { createPerson, peopleDirectory, setRoles } from "../services/admin/people";
import { updatePerson } from "../services/admin/update-person";
import { memberProcedure, roleProcedure, router } from "../trpc/init";

const admin = roleProcedure("admin");

export const peopleRouter = router({
  list: memberProcedure
    .input(peopleListInput)
    .output(peopleListOutput)
    .query(({ ctx, input }) => listActivePeople({ ctx, input })),
  directory: admin.output(peopleDirectoryOutput).query(({ ctx }) => peopleDirectory({ ctx })),
  directoryPage: admin
    .input(peopleDirectoryPageInput)
    .output(peopleDirectoryPageOutput)
    .query(({ ctx, input }) => listDirectoryPeople({ ctx, input })),
  import: admin
    .input(importInput)
    .output(importOutput)
    .mutation(({ ctx, input }) => importPeople({ ctx, input })),
  create: admin
    .input(createPersonInput)
    .output(directoryEntryOutput)
    .mutation(({ ctx, input }) => createPerson({ ctx, input })),
  update: admin
    .input(updatePersonInput)
    .output(directoryEntryOutput)
    .mutation(({ ctx, input }) => updatePerson({ ctx, input })),
  setRoles: admin
    .input(setRolesInput)
    .output(setRolesOutput)
    .mutation(({ ctx, input }) => setRoles({ ctx, input })),
  erase: admin
    .input(personIdInput)
    .output(eraseOutput)
    .mutation(({ ctx, input }) => erasePerson({ ctx, input })),
  export: memberProcedure
    .input(personIdInput)
    .output(exportOutput)
    .mutation(({ ctx, input }) => exportPerson({ ctx, input })),
});
