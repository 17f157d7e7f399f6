// Builds the API once into dist/ (main.js, one API process; supervisor.js, `pnpm start`), so a
// start or restart runs plain Node instead of compiling TypeScript on every boot. Our workspace
// packages are bundled in; everything from node_modules stays external and loads from there.
import { rmSync } from "node:fs";
import { build } from "esbuild";

const external = {
  name: "node_modules stay external",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@fivefold/") ? undefined : { path: args.path, external: true },
    );
  },
};

rmSync(new URL("./dist", import.meta.url), { recursive: true, force: true });
const started = performance.now();
await build({
  // The embedded database's worker thread is a file of its own, found next to main.js.
  entryPoints: {
    main: "src/main.ts",
    supervisor: "src/supervisor.ts",
    "pglite-worker": "../../packages/db/src/pglite-worker.mjs",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  logLevel: "warning",
  plugins: [external],
});
console.log(`Built apps/api/dist in ${Math.round(performance.now() - started)} ms`);
