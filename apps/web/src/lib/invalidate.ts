// What each change makes stale, written once per kind of change. A mutation invalidates exactly the
// queries whose answers it changes; queries not on screen are only marked stale (fetched when next
// shown), so naming a list the page does not show costs no request. Nothing here runs on autosave.
import { type QueryClient, type QueryFilters, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { PlanView } from "../components/plan/types";
import { useTRPC } from "./trpc";

export function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(() => invalidations(trpc, queryClient), [trpc, queryClient]);
}

function invalidations(trpc: ReturnType<typeof useTRPC>, queryClient: QueryClient) {
  const invalidate = async (...filters: QueryFilters[]) => {
    await Promise.all(filters.map((filter) => queryClient.invalidateQueries(filter)));
  };

  return {
    /** A new request: the requester's list, and their inbox when they rate as the manager. */
    requestCreated: () => invalidate(trpc.requests.list.queryFilter(), trpc.inbox.list.queryFilter()),
    /** Opened, closed or cancelled: the request, the lists it shows in, and, once released, reports. */
    requestStateChanged: (requestId: string) =>
      invalidate(
        trpc.requests.get.queryFilter({ requestId }),
        trpc.requests.progress.queryFilter({ requestId }),
        trpc.requests.list.queryFilter(),
        trpc.inbox.list.queryFilter(),
        trpc.reports.list.queryFilter(),
        trpc.dashboards.pathFilter(),
        trpc.notifications.list.queryFilter(),
      ),
    /** A rater proposed, approved, removed or vouched for: that request's page only. */
    nominationsChanged: (requestId: string) =>
      invalidate(trpc.requests.get.queryFilter({ requestId }), trpc.notifications.list.queryFilter()),
    /** An invitation answered or declined: the rater's inbox, and the counts a manager watches. */
    invitationAnswered: () =>
      invalidate(
        trpc.inbox.list.queryFilter(),
        trpc.requests.progress.queryFilter(),
        trpc.requests.list.queryFilter(),
        trpc.notifications.list.queryFilter(),
      ),
    /** A cycle created, launched, extended, reminded or released: its pages, and the requests it made. */
    cycleChanged: () =>
      invalidate(
        trpc.cycles.pathFilter(),
        trpc.requests.list.queryFilter(),
        trpc.inbox.list.queryFilter(),
        trpc.reports.list.queryFilter(),
      ),
    /** A manager decided nominations of a cycle on one page: that page and the requests behind it. */
    nominationsDecided: () =>
      invalidate(trpc.nominations.forManager.queryFilter(), trpc.requests.get.queryFilter()),
    /** People, roles or teams edited by an admin: both admin lists show both. */
    peopleChanged: () => invalidate(trpc.people.pathFilter(), trpc.teams.pathFilter()),
    /** The organisation's settings: the settings page and `me`, which carries the threshold. */
    settingsChanged: () => invalidate(trpc.settings.pathFilter(), trpc.me.pathFilter()),
    profileChanged: () => invalidate(trpc.profile.pathFilter()),
    mailQueuedAgain: () => invalidate(trpc.mail.pathFilter(), trpc.mailbox.pathFilter()),
    /**
     * A plan edited (goal, actions, focus, schedule): the answer is the plan as `plans.get` shows it,
     * so it replaces the cached one without a fetch; lists showing its summary are marked stale.
     */
    planEdited: async (plan: PlanView) => {
      queryClient.setQueryData(trpc.plans.get.queryKey({ planId: plan.id }), plan);
      await invalidate(trpc.plans.list.queryFilter(), trpc.partners.list.queryFilter());
    },
    /** Created, published or closed: the plan, the lists, the circle's view and the team dashboards. */
    planStateChanged: (planId?: string) =>
      invalidate(
        planId ? trpc.plans.get.queryFilter({ planId }) : trpc.plans.get.queryFilter(),
        trpc.plans.list.queryFilter(),
        trpc.partners.list.queryFilter(),
        trpc.dashboards.pathFilter(),
      ),
    /** Someone invited, removed, accepting, declining or stepping down: the plan's circle on both sides. */
    circleChanged: () => invalidate(trpc.plans.pathFilter(), trpc.partners.list.queryFilter()),
    /** A check-in logged: the timeline, the plan's progress and next due day, and who watches it. */
    checkinLogged: (planId: string) =>
      invalidate(
        trpc.checkins.list.queryFilter({ planId }),
        trpc.plans.get.queryFilter({ planId }),
        trpc.plans.list.queryFilter(),
        trpc.partners.list.queryFilter(),
        trpc.dashboards.pathFilter(),
      ),
    /** Encouragement: the check-ins it hangs on, as the owner and the circle see them. */
    encouraged: () => invalidate(trpc.checkins.list.queryFilter(), trpc.partners.list.queryFilter()),
    /** An API token created or revoked: the token list, and the audit log that records it. */
    apiTokensChanged: () => invalidate(trpc.apiTokens.list.queryFilter(), trpc.audit.list.queryFilter()),
  };
}
