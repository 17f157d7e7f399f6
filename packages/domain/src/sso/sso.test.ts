// The single sign-on rules: accepted issuers, domain normalisation, and the sign-in decision.
import { describe, expect, it } from "vitest";
import { decideSsoSignIn, domainOfAddress, isAcceptableIssuer, normaliseDomains } from "./sso";

describe("single sign-on rules", () => {
  it("accepts https issuers, and plain http only to the loopback", () => {
    expect(isAcceptableIssuer("https://login.example.com/tenant/v2.0")).toBe(true);
    expect(isAcceptableIssuer("http://127.0.0.1:4000")).toBe(true);
    expect(isAcceptableIssuer("http://localhost:4000")).toBe(true);
    expect(isAcceptableIssuer("http://idp.example.com")).toBe(false);
    expect(isAcceptableIssuer("https://idp.example.com/?q=1")).toBe(false);
    expect(isAcceptableIssuer("https://user:pw@idp.example.com")).toBe(false);
    expect(isAcceptableIssuer("javascript:alert(1)")).toBe(false);
  });

  it("normalises domains and reads an address's domain", () => {
    expect(normaliseDomains([" Example.COM", "@example.com", "b.example"])).toEqual([
      "b.example",
      "example.com",
    ]);
    expect(domainOfAddress("Ann@Example.COM")).toBe("example.com");
    expect(domainOfAddress("no-at-sign")).toBeNull();
    expect(domainOfAddress("trailing@")).toBeNull();
  });

  it("signs in only a verified address of the organisation's domains that is one of its people", () => {
    const base = {
      email: "ann@example.com",
      emailVerified: true,
      domains: ["example.com"],
      personFound: true,
    };
    expect(decideSsoSignIn(base)).toEqual({ ok: true });
    expect(decideSsoSignIn({ ...base, emailVerified: false })).toEqual({
      ok: false,
      reason: "unverified-email",
    });
    expect(decideSsoSignIn({ ...base, emailVerified: undefined })).toEqual({
      ok: false,
      reason: "unverified-email",
    });
    expect(decideSsoSignIn({ ...base, email: undefined })).toEqual({ ok: false, reason: "unverified-email" });
    expect(decideSsoSignIn({ ...base, email: "ann@example.com.evil.test" })).toEqual({
      ok: false,
      reason: "other-domain",
    });
    expect(decideSsoSignIn({ ...base, email: "ann@sub.example.com" })).toEqual({
      ok: false,
      reason: "other-domain",
    });
    expect(decideSsoSignIn({ ...base, personFound: false })).toEqual({ ok: false, reason: "no-person" });
    // Entra ID does not say: trusted only when the organisation chose to, never over an explicit false.
    const unstated = { ...base, emailVerified: undefined, trustUnstatedVerification: true };
    expect(decideSsoSignIn(unstated)).toEqual({ ok: true });
    expect(decideSsoSignIn({ ...unstated, emailVerified: false })).toEqual({
      ok: false,
      reason: "unverified-email",
    });
  });
});
