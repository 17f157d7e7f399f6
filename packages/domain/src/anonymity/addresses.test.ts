// Address normalisation for rule 9: every spelling of one mailbox compares equal, different
// mailboxes never do.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailDomain, mailboxOf, normaliseDomain } from "./addresses";

describe("mailboxOf", () => {
  it("sock-puppet spellings of one mailbox normalise to it", () => {
    expect(mailboxOf("their.name+1@company.com")).toBe("their.name@company.com");
    expect(mailboxOf(" THEIR.NAME+2@Company.com ")).toBe("their.name@company.com");
    // Gmail ignores dots and has two names.
    expect(mailboxOf("T.h.e.i.r.Name+x@googlemail.com")).toBe("theirname@gmail.com");
    expect(mailboxOf("theirname@gmail.com")).toBe("theirname@gmail.com");
  });

  it("keeps the dots where the provider does not ignore them", () => {
    expect(mailboxOf("a.b@company.com")).not.toBe(mailboxOf("ab@company.com"));
  });

  it("is idempotent and ignores case and surrounding space", () => {
    const local = fc.stringMatching(/^[a-zA-Z0-9._+-]{1,20}$/);
    const domain = fc.constantFrom("gmail.com", "googlemail.com", "Company.com", "partner.co.uk");
    fc.assert(
      fc.property(local, domain, fc.constantFrom("", " ", "\t"), (l, d, pad) => {
        const address = `${l}@${d}`;
        const once = mailboxOf(`${pad}${address}${pad}`);
        expect(mailboxOf(once)).toBe(once);
        expect(mailboxOf(address.toUpperCase())).toBe(once);
      }),
    );
  });

  it("reads the domain and leaves a string without @ as it is", () => {
    expect(emailDomain(" Ann@Partner.COM ")).toBe("partner.com");
    expect(emailDomain("nobody")).toBe("");
    expect(mailboxOf("Nobody")).toBe("nobody");
  });
});

describe("normaliseDomain", () => {
  it("takes a domain as an admin types it and refuses what is not one", () => {
    expect(normaliseDomain(" @Partner.COM ")).toBe("partner.com");
    expect(normaliseDomain("sub.agency.co.uk")).toBe("sub.agency.co.uk");
    expect(normaliseDomain("localhost")).toBeNull();
    expect(normaliseDomain("bad_domain.com")).toBeNull();
    expect(normaliseDomain("-x.com")).toBeNull();
  });
});
