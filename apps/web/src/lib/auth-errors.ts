// Better Auth's refusals in the page's language. Its `message` is English and never reaches a
// person: each error code the sign-in and password pages can meet has a text of its own
// (shell:authError.*); Fivefold's own rate-limit refusal (429, http/rate-limits.ts) is a server
// sentence, translated through the sentence catalogues; anything else reads as the page's fallback.
import type { BASE_ERROR_CODES } from "better-auth";
import i18next from "i18next";
import { sentence } from "../i18n/sentence";

type AuthErrorCode = keyof typeof BASE_ERROR_CODES;

/** Better Auth's codes (@better-auth/core error/codes) on Fivefold's auth routes, as shell:authError keys. */
export const AUTH_ERROR_TEXTS: Partial<Record<AuthErrorCode, string>> = {
  INVALID_EMAIL_OR_PASSWORD: "mismatch",
  INVALID_PASSWORD: "mismatch",
  INVALID_EMAIL: "invalidEmail",
  // Better Auth's body check: on these routes the e-mail is the only checked field a person types.
  VALIDATION_ERROR: "invalidEmail",
  PASSWORD_TOO_SHORT: "passwordTooShort",
  PASSWORD_TOO_LONG: "passwordTooLong",
  // A password link that expired, was used, or whose account is gone.
  INVALID_TOKEN: "linkExpired",
  TOKEN_EXPIRED: "linkExpired",
  USER_NOT_FOUND: "linkExpired",
  EMAIL_NOT_VERIFIED: "emailNotVerified",
  SESSION_EXPIRED: "sessionExpired",
  // The page was not opened from the address Fivefold serves (an untrusted origin).
  INVALID_ORIGIN: "origin",
  MISSING_OR_NULL_ORIGIN: "origin",
  CROSS_SITE_NAVIGATION_LOGIN_BLOCKED: "origin",
};

export interface AuthError {
  code?: string | undefined;
  message?: string | undefined;
  status: number;
}

/** A refusal the rate limits sent: the server's sentence in the page's language, or the generic one. */
function tooMany(message: string | undefined): string {
  const generic = i18next.t("shell:authError.tooMany");
  if (!message) return generic;
  const said = sentence(message);
  // A sentence no catalogue knows stays English: the generic text says it in the page's language.
  return said !== message || i18next.language === "en" ? said : generic;
}

/** What a person is told when Better Auth (or the edge in front of it) refuses; `fallback` for the rest. */
export function authErrorText(error: AuthError, fallback: string): string {
  if (error.status === 429) return tooMany(error.message);
  const key = AUTH_ERROR_TEXTS[error.code as AuthErrorCode];
  if (key) return i18next.t(`shell:authError.${key}`);
  if (error.status === 401) return i18next.t("shell:authError.mismatch");
  return fallback;
}
