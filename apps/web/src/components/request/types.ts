// A feedback request as its page receives it.
import type { AppRouter } from "@fivefold/api";
import type { inferRouterOutputs } from "@trpc/server";

export type RequestView = inferRouterOutputs<AppRouter>["requests"]["get"];
export type Nomination = RequestView["nominations"][number];

/** A warning about the nominated raters (the facts, and the server's English `detail`). */
export type RaterWarning = inferRouterOutputs<AppRouter>["requests"]["create"]["warnings"][number];
