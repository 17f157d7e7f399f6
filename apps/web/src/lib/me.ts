// The signed-in person, organisation and roles, shared by every page under the shell.
import type { AppRouter } from "@fivefold/api";
import type { inferRouterOutputs } from "@trpc/server";
import { useOutletContext } from "react-router";

export type Me = inferRouterOutputs<AppRouter>["me"]["get"];

export function useMe(): Me {
  return useOutletContext<Me>();
}
