// The application router: one sub-router per feature.
import { apiTokensRouter } from "./routers/api-tokens";
import { auditRouter } from "./routers/audit";
import { chatRouter } from "./routers/chat";
import { checkinsRouter } from "./routers/checkins";
import { analyticsRouter, cyclesRouter } from "./routers/cycles";
import { dashboardsRouter } from "./routers/dashboards";
import { followupsRouter } from "./routers/followups";
import { health } from "./routers/health";
import { inboxRouter } from "./routers/inbox";
import { instrumentRouter } from "./routers/instrument";
import { mailRouter } from "./routers/mail";
import { mailboxRouter } from "./routers/mailbox";
import { meRouter } from "./routers/me";
import { nominationsRouter } from "./routers/nominations";
import { notificationsRouter } from "./routers/notifications";
import { partnersRouter } from "./routers/partners";
import { peopleRouter } from "./routers/people";
import { plansRouter } from "./routers/plans";
import { profileRouter } from "./routers/profile";
import { pulsesRouter } from "./routers/pulses";
import { reportsRouter } from "./routers/reports";
import { requestsRouter } from "./routers/requests";
import { responsesRouter } from "./routers/responses";
import { settingsRouter } from "./routers/settings";
import { ssoRouter } from "./routers/sso";
import { teamsRouter } from "./routers/teams";
import { createCallerFactory, router } from "./trpc/init";

export const appRouter = router({
  health,
  me: meRouter,
  people: peopleRouter,
  instrument: instrumentRouter,
  requests: requestsRouter,
  nominations: nominationsRouter,
  inbox: inboxRouter,
  notifications: notificationsRouter,
  responses: responsesRouter,
  mailbox: mailboxRouter,
  mail: mailRouter,
  plans: plansRouter,
  partners: partnersRouter,
  checkins: checkinsRouter,
  profile: profileRouter,
  reports: reportsRouter,
  followups: followupsRouter,
  pulses: pulsesRouter,
  dashboards: dashboardsRouter,
  teams: teamsRouter,
  settings: settingsRouter,
  sso: ssoRouter,
  chat: chatRouter,
  audit: auditRouter,
  cycles: cyclesRouter,
  analytics: analyticsRouter,
  apiTokens: apiTokensRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
