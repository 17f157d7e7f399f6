// Who a bearer token is: the live token whose SHA-256 matches, and its organisation; and the
// service context SCIM's verbs run in for it. A token acts inside its own organisation only.
import { type Executor, findLiveApiTokenByHash, type TokenPrincipal, touchApiToken } from "@fivefold/db";
import type { MemberServiceContext, ServiceContext } from "../context";
import { hashApiToken, TOKEN_MARK } from "./manage";

export type { TokenPrincipal };

/** Ours are 47 characters; anything far off is not looked up at all. */
const MAX_TOKEN_LENGTH = 200;

/** The token behind `Authorization: Bearer …`, or null when it is absent, unknown or revoked. */
export async function authenticateToken(db: Executor, presented: string): Promise<TokenPrincipal | null> {
  if (!presented.startsWith(TOKEN_MARK) || presented.length > MAX_TOKEN_LENGTH) return null;
  const principal = await findLiveApiTokenByHash(db, hashApiToken(presented));
  if (principal) await touchApiToken(db, principal.tokenId);
  return principal;
}

/**
 * The context the admin verbs run in for a token: its organisation, and a stand-in for the
 * person, whose id is the token's (so no "yourself" rule ever mistakes the token for a person);
 * audit entries name the token. It holds no role: the scope was checked at the edge.
 */
export function tokenServiceContext(base: ServiceContext, principal: TokenPrincipal): MemberServiceContext {
  return {
    ...base,
    org: principal.org,
    person: { id: principal.tokenId, name: `API token ${principal.name}`, email: "", language: null },
    roles: [],
    apiToken: { id: principal.tokenId, name: principal.name },
  };
}
