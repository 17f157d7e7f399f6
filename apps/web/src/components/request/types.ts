// A feedback request as its page receives it.
import type { AppRouter } from "@fivefold/api";
import type { inferRouterOutputs } from "@trpc/server";

export type RequestView = inferRouterOutputs<AppRouter>["requests"]["get"];
export type Nomination = RequestView["nominations"][number];

export interface RaterWarning {
  kind: string;
  email?: string;
  detail: string;
}
