// Sealing in isolation: a round trip, and every way an envelope must refuse to open.
import { commentsSchema, getInstrument, type RaterResponse, raterGroupSchema } from "@fivefold/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ENVELOPE_HEAD_BYTES,
  ENVELOPE_SIZE,
  type EnvelopeSlice,
  openResponse,
  SealedEnvelopeError,
  sealedContentOf,
  sealResponse,
  sliceOpener,
} from "./sealing";

const SECRET = "unit-test-sealing-secret-0123456789abcdef";
const REQUEST = "5b0f7c1e-4a8b-4c3d-9e2f-0a1b2c3d4e5f";
const OTHER = "5b0f7c1e-4a8b-4c3d-9e2f-0a1b2c3d4e60";
const answers = Object.fromEntries(
  getInstrument()
    .dimensions.flatMap((d) => d.items)
    .map((item, i) => [item.id, i % 7 === 0 ? null : (((i % 5) + 1) as 1 | 2 | 3 | 4 | 5)]),
);
const response: RaterResponse = {
  group: "direct_report",
  answers,
  comments: [{ dimension: "risk", text: "Makes the call — and owns it. 😀" }],
};
const overhead = 1 + 12 + 16;

describe("sealed envelopes", () => {
  it("open to exactly what was sealed, and show none of it", () => {
    const envelope = sealResponse(SECRET, REQUEST, response);
    expect(openResponse(SECRET, REQUEST, envelope)).toEqual(response);
    expect(envelope.toString("latin1")).not.toMatch(/owns it|direct_report|risk/);
    // A fresh nonce each time: the same answers never give the same bytes.
    expect(sealResponse(SECRET, REQUEST, response).equals(envelope)).toBe(false);
  });

  it("all have one size, so the length says nothing about the comments", () => {
    const sized = (text: string) =>
      sealResponse(SECRET, REQUEST, { ...response, comments: text ? [{ dimension: "vision", text }] : [] })
        .length - overhead;
    expect(sized("")).toBe(ENVELOPE_SIZE);
    expect(sized("short")).toBe(ENVELOPE_SIZE);
    expect(sized("x".repeat(1500))).toBe(ENVELOPE_SIZE);
    // The longest answer sets the schemas allow, in any script: five comments at the limit.
    for (const [letter, count] of [
      ["€", 2000], // 3 bytes each: 2,000 fit
      ["😀", 1500], // 4 bytes each: the byte limit stops them at 1,500
      ['"', 2000], // escaped to 2 bytes
      ["a\n", 1000], // newlines escaped to 2 bytes
    ] as const) {
      const text = letter.repeat(count);
      expect(commentsSchema.safeParse([{ dimension: "vision", text }]).success).toBe(true);
      const longest = sealResponse(SECRET, REQUEST, {
        ...response,
        comments: getInstrument().dimensions.map((d) => ({ dimension: d.key, text })),
      });
      expect(longest.length - overhead).toBe(ENVELOPE_SIZE);
    }
  });

  it("long emoji comments: no answer set the schemas allow seals larger than the others", () => {
    // 2,000 emoji sealed to 64 KiB while every other envelope took 32 KiB: the length told who wrote
    // them. The schema now refuses them, and sealing refuses anything larger than the size.
    const emoji = "😀".repeat(2000);
    expect(commentsSchema.safeParse([{ dimension: "vision", text: emoji }]).success).toBe(false);
    expect(commentsSchema.safeParse([{ dimension: "vision", text: "\uD800".repeat(10) }]).success).toBe(
      false,
    );
    expect(() =>
      sealResponse(SECRET, REQUEST, {
        ...response,
        comments: getInstrument().dimensions.map((d) => ({ dimension: d.key, text: emoji })),
      }),
    ).toThrow(SealedEnvelopeError);
  });

  it("do not open under another secret, for another request, altered, or of an unknown version", () => {
    const envelope = sealResponse(SECRET, REQUEST, response);
    expect(() => openResponse(`${SECRET}-rotated`, REQUEST, envelope)).toThrow(SealedEnvelopeError);
    expect(() => openResponse(SECRET, OTHER, envelope)).toThrow(
      /another SEALING_SECRET, for another request/,
    );
    for (const at of [1, 20, envelope.length - 1]) {
      const altered = Buffer.from(envelope);
      altered[at] = (altered[at] ?? 0) ^ 0x40;
      expect(() => openResponse(SECRET, REQUEST, altered)).toThrow(SealedEnvelopeError);
    }
    const future = Buffer.from(envelope);
    future[0] = 2;
    expect(() => openResponse(SECRET, REQUEST, future)).toThrow(/version/);
    expect(() => openResponse(SECRET, REQUEST, Buffer.alloc(10))).toThrow(SealedEnvelopeError);
    expect(() => sealResponse("", REQUEST, response)).toThrow(/No sealing secret/);
  });

  /** What a release reads of an envelope: its length, its head and its tag (as the query slices them). */
  const sliceOf = (envelope: Buffer): EnvelopeSlice => ({
    length: envelope.length,
    head: envelope.subarray(0, ENVELOPE_HEAD_BYTES),
    tag: envelope.subarray(envelope.length - 16),
  });

  it("open from their heads to exactly what the whole envelope opens to", () => {
    const open = sliceOpener(SECRET, REQUEST);
    const variants: RaterResponse["comments"][] = [
      [],
      response.comments,
      [{ dimension: "vision", text: "x".repeat(3000) }],
    ];
    for (const comments of variants) {
      const sealed = { ...response, comments };
      const envelope = sealResponse(SECRET, REQUEST, sealed);
      expect(open(sliceOf(envelope))).toEqual(openResponse(SECRET, REQUEST, envelope));
      expect(open(sliceOf(envelope))).toEqual(sealed);
    }
  });

  it("answers longer than the head are left to the whole envelope", () => {
    const long = {
      ...response,
      comments: getInstrument().dimensions.map((d) => ({ dimension: d.key, text: "€".repeat(2000) })),
    };
    const envelope = sealResponse(SECRET, REQUEST, long);
    expect(sliceOpener(SECRET, REQUEST)(sliceOf(envelope))).toBeNull();
    expect(openResponse(SECRET, REQUEST, envelope)).toEqual(long);
  });

  it("attack: an altered head, tag or length, another secret or another request never opens from a slice", () => {
    const envelope = sealResponse(SECRET, REQUEST, response);
    const open = sliceOpener(SECRET, REQUEST);
    expect(sliceOpener(`${SECRET}-rotated`, REQUEST)(sliceOf(envelope))).toBeNull();
    expect(sliceOpener(SECRET, OTHER)(sliceOf(envelope))).toBeNull();
    // A flipped bit anywhere in the head (a score's digit under counter mode) or in the tag.
    for (const at of [0, 5, 20, 200, ENVELOPE_HEAD_BYTES - 1, envelope.length - 1]) {
      const altered = Buffer.from(envelope);
      altered[at] = (altered[at] ?? 0) ^ 0x01;
      expect(open(sliceOf(altered))).toBeNull();
    }
    // Cut short or grown: the padding it claims is not the padding that was sealed.
    for (const length of [envelope.length - 16, envelope.length + 16]) {
      expect(open({ ...sliceOf(envelope), length })).toBeNull();
    }
    expect(open({ ...sliceOf(envelope), tag: Buffer.alloc(16) })).toBeNull();
    expect(open({ length: 10, head: Buffer.alloc(10), tag: Buffer.alloc(0) })).toBeNull();
  });

  it("keys derived once per request: a key cached under one secret never opens under another", () => {
    // Sealing caches REQUEST's key under SECRET; the rotated secret must derive its own.
    const envelope = sealResponse(SECRET, REQUEST, response);
    expect(() => openResponse(`${SECRET}-rotated`, REQUEST, envelope)).toThrow(SealedEnvelopeError);
    const rotated = sealResponse(`${SECRET}-rotated`, REQUEST, response);
    expect(() => openResponse(SECRET, REQUEST, rotated)).toThrow(SealedEnvelopeError);
    expect(openResponse(SECRET, REQUEST, envelope)).toEqual(response);
    // More requests than the cache holds: the first one's key, dropped, is derived again.
    const first = sealResponse(SECRET, "00000000-0000-4000-8000-000000000000", response);
    for (let i = 1; i <= 1100; i++) {
      sealResponse(SECRET, `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, response);
    }
    expect(openResponse(SECRET, "00000000-0000-4000-8000-000000000000", first)).toEqual(response);
    expect(() => openResponse(SECRET, OTHER, first)).toThrow(SealedEnvelopeError);
  });

  // The schema opened content was checked with before the check was written out (sealedContentOf).
  const schema = z.object({
    group: raterGroupSchema,
    answers: z.record(z.string(), z.number().int().min(1).max(5).nullable()),
    comments: z.array(z.object({ dimension: z.string(), text: z.string() })),
  });
  const contents: unknown[] = [
    response,
    { ...response, comments: [] },
    { ...response, answers: {} },
    { ...response, extra: "dropped" },
    { ...response, comments: [{ dimension: "vision", text: "ok", extra: 1 }] },
    { ...response, group: "boss" },
    { ...response, group: undefined },
    { answers, comments: [] },
    { group: "peer", comments: [] },
    { group: "peer", answers },
    { ...response, answers: [] },
    { ...response, answers: null },
    { ...response, answers: { a: 0 } },
    { ...response, answers: { a: 6 } },
    { ...response, answers: { a: 2.5 } },
    { ...response, answers: { a: "3" } },
    { ...response, answers: { a: true } },
    { ...response, answers: { a: {} } },
    { ...response, answers: { a: 1e300 } },
    { ...response, comments: {} },
    { ...response, comments: [null] },
    { ...response, comments: ["text"] },
    { ...response, comments: [{ dimension: "vision" }] },
    { ...response, comments: [{ text: "t" }] },
    { ...response, comments: [{ dimension: 1, text: "t" }] },
    { ...response, comments: [{ dimension: "vision", text: ["t"] }] },
    [],
    null,
    "response",
    42,
  ];

  it("opened content: accepted exactly when the schema accepts it, and as the schema gives it", () => {
    for (const content of contents) {
      const parsed = schema.safeParse(content);
      const checked = sealedContentOf(content);
      expect(checked === null, JSON.stringify(content)).toBe(!parsed.success);
      if (parsed.success) expect(checked).toEqual(parsed.data);
    }
  });

  it("attack: an envelope sealed under the right key that holds no response never opens, whole or from its head", () => {
    const open = sliceOpener(SECRET, REQUEST);
    let sealed = 0;
    for (const content of contents.filter((c) => !schema.safeParse(c).success)) {
      if (!content || typeof content !== "object" || Array.isArray(content)) continue;
      // Sealing sizes the envelope from the answers' keys: only content with an answers object seals.
      const held = (content as { answers?: unknown }).answers;
      if (typeof held !== "object" || held === null) continue;
      // Sealing writes missing comments as none: what it seals must still be no response.
      const sealedAs = { ...content, comments: (content as { comments?: unknown }).comments ?? [] };
      if (schema.safeParse(sealedAs).success) continue;
      // Sealed as a submit would seal it, had a bug let it through.
      const envelope = sealResponse(SECRET, REQUEST, content as RaterResponse);
      expect(() => openResponse(SECRET, REQUEST, envelope), JSON.stringify(content)).toThrow(
        /does not hold a response/,
      );
      expect(open(sliceOf(envelope))).toBeNull();
      sealed++;
    }
    expect(sealed).toBeGreaterThanOrEqual(15);
  });
});
