// Which database a DATABASE_URL means, and the connection defaults: no driver loaded, so the
// supervisor can check settings without loading a database.
export type Driver = "pglite" | "postgres";

export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

export const DEFAULT_DATA_DIR = ".data/pglite";

export function describeUrl(url: string | undefined): { driver: Driver; location: string } {
  if (!url) return { driver: "pglite", location: DEFAULT_DATA_DIR };
  if (url === "pglite://memory") return { driver: "pglite", location: "memory" };
  if (url.startsWith("pglite://")) return { driver: "pglite", location: url.slice("pglite://".length) };
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const parsed = new URL(url);
    return { driver: "postgres", location: `${parsed.host}${parsed.pathname}` };
  }
  throw new Error(
    `DATABASE_URL must be unset (embedded PGlite in ${DEFAULT_DATA_DIR}), pglite://memory, pglite://<folder> or postgres://…; got "${url.split(":")[0]}:…"`,
  );
}
