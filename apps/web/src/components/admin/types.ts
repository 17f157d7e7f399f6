// Output types of the admin procedures, from the API's router type (types only).
import type { AppRouter } from "@fivefold/api";
import type { inferRouterOutputs } from "@trpc/server";

type Out = inferRouterOutputs<AppRouter>;
export type DirectoryPerson = Out["people"]["directory"][number];
/** A person of the People page's list: the directory entry and their manager's name. */
export type DirectoryPagePerson = Out["people"]["directoryPage"]["people"][number];
export type ImportResult = Out["people"]["import"];
export type ImportRow = ImportResult["rows"][number];
export type Team = Out["teams"]["list"][number];
export type AuditItem = Out["audit"]["list"]["items"][number];
export type OrganisationSettings = Out["settings"]["get"];
export type ApiToken = Out["apiTokens"]["list"][number];
