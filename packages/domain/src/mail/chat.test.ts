// What may go to a Slack channel: never a link, an address or a mention, whatever the cycle's name;
// and which ids a direct message may go to.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHAT_NOTICE_TEMPLATES, cycleOpensAnnouncement, isChannelSafe, isSlackUserId } from "./chat";

describe("isChannelSafe", () => {
  it("refuses links of every kind, addresses and mentions", () => {
    for (const text of [
      "Answer at https://fivefold.example/r/abc",
      "see http://x.test",
      "go to www.example.com",
      "your link: /r/Zx9_abc",
      "reset?token=abc",
      "ask ann@example.com",
      "hey <@U123>",
      "hey <!channel>",
      "   ",
    ]) {
      expect(isChannelSafe(text), text).toBe(false);
    }
    expect(isChannelSafe("The Spring feedback cycle opens today.")).toBe(true);
  });
});

describe("cycleOpensAnnouncement", () => {
  it("names the cycle", () => {
    expect(cycleOpensAnnouncement("Spring 2027")).toBe(
      "The Spring 2027 feedback cycle opens today. Invitations arrive personally.",
    );
  });

  it("speaks the organisation's language when asked", () => {
    expect(cycleOpensAnnouncement("Frühjahr 2027", "de")).toBe(
      "Der Feedback-Zyklus „Frühjahr 2027“ beginnt heute. Die Einladungen erhalten alle persönlich.",
    );
    expect(cycleOpensAnnouncement("see www.x.y", "de")).toBe(
      "Ein Feedback-Zyklus beginnt heute. Die Einladungen erhalten alle persönlich.",
    );
    expect(cycleOpensAnnouncement("Spring 2027", "en")).toBe(cycleOpensAnnouncement("Spring 2027"));
  });

  it("is channel-safe whatever the admin typed as the cycle's name", () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom("https://evil.test/r/abc", "ann@example.com", "<!here>", "www.x.y", "/r/tok", "token="),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (parts) => {
        expect(isChannelSafe(cycleOpensAnnouncement(parts.join(" ")))).toBe(true);
        expect(isChannelSafe(cycleOpensAnnouncement(parts.join(" "), "de"))).toBe(true);
      }),
    );
  });
});

describe("isSlackUserId", () => {
  it("takes user ids only, never a channel, group or direct-message id", () => {
    expect(isSlackUserId("U0123ABC")).toBe(true);
    expect(isSlackUserId("W0123ABC")).toBe(true);
    for (const id of ["C0123ABC", "G0123ABC", "D0123ABC", "", "U", "u0123abc"])
      expect(isSlackUserId(id)).toBe(false);
  });
});

describe("CHAT_NOTICE_TEMPLATES", () => {
  it("never carries sign-in or password mail to chat", () => {
    expect(CHAT_NOTICE_TEMPLATES).not.toContain("password");
  });
});
