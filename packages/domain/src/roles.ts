// Roles a person may hold in an organisation; one person may hold several.
import { z } from "zod";

export const ROLES = ["admin", "manager", "coach", "member"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => held.includes(role));
}
