// Raw bytes: postgres.js hands back a Buffer, PGlite a Uint8Array; both come out as a Buffer.
import { customType } from "drizzle-orm/pg-core";

export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});
