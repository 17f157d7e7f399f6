import { formatTable } from "/work/wt-12/tests/faults/lib/report";
import { SIZES } from "/work/wt-12/tests/faults/lib/settings";
import {
  backendTerminations,
  gracefulStop,
  PostgresRun,
  steadyLoad,
  workerKill,
} from "/work/wt-12/tests/faults/scenarios";

const ctx = { sizes: SIZES[(process.env.SCALE ?? "quick") as "quick"], log: console.log };
const run = await PostgresRun.create("postgres://postgres@127.0.0.1:5432/postgres", ctx.sizes, console.log);
try {
  const which = process.argv[2] ?? "kill";
  const r =
    which === "steady"
      ? await steadyLoad(run, ctx)
      : which === "stop"
        ? await gracefulStop(run, ctx)
        : which === "term"
          ? await backendTerminations(run, ctx)
          : await workerKill(run, ctx);
  console.log(formatTable([r]));
} finally {
  await run.close();
}
