// The application router: one sub-router per feature.
import { health } from "./routers/health";
import { meRouter } from "./routers/me";
import { peopleRouter } from "./routers/people";
import { createCallerFactory, router } from "./trpc/init";

export const appRouter = router({
  health,
  me: meRouter,
  people: peopleRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
