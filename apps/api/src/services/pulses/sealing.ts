// Sealing a pulse answer until release (DESIGN §4 rule 11, as services/collect/sealing.ts does for
// a report): a key per pulse derived with HKDF-SHA256 from the server's sealing secret and the
// pulse id, AES-256-GCM with the pulse id as associated data, padded to one size so an envelope's
// length says nothing (not even whether it carries a suggestion).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { pulseAnswersSchema } from "@fivefold/domain";
import { z } from "zod";
import { SealedEnvelopeError } from "../collect/sealing";

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SALT = Buffer.from("fivefold/pulse-envelope", "utf8");
/** Fits twenty answers and a suggestion of 1,000 characters of four bytes each. */
const ENVELOPE_SIZE = 8192;

export interface PulseAnswer {
  answers: Record<string, number | null>;
  suggestion: string;
}

function pulseKey(secret: string, pulseId: string): Buffer {
  if (!secret) throw new SealedEnvelopeError("No sealing secret: answers cannot be sealed or opened");
  return Buffer.from(
    hkdfSync("sha256", Buffer.from(secret, "utf8"), SALT, Buffer.from(`pulse:${pulseId}`, "utf8"), 32),
  );
}

const aadOf = (pulseId: string) => Buffer.from(`fivefold/v${VERSION}/pulse:${pulseId}`, "utf8");

export function sealPulseAnswer(secret: string, pulseId: string, answer: PulseAnswer): Buffer {
  const plain = Buffer.from(JSON.stringify(answer), "utf8");
  const size = Math.max(1, Math.ceil(plain.length / ENVELOPE_SIZE)) * ENVELOPE_SIZE;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", pulseKey(secret, pulseId), nonce);
  cipher.setAAD(aadOf(pulseId));
  const body = Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(size - plain.length, 0x20)])),
    cipher.final(),
  ]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, body, cipher.getAuthTag()]);
}

const content = z.object({ answers: pulseAnswersSchema, suggestion: z.string() });

/** Opens the pulse's envelopes with its key derived once; throws SealedEnvelopeError on any other. */
export function pulseOpener(secret: string, pulseId: string): (envelope: Buffer) => PulseAnswer {
  const key = pulseKey(secret, pulseId);
  const aad = aadOf(pulseId);
  return (envelope) => {
    if (envelope.length < 1 + NONCE_BYTES + TAG_BYTES || envelope[0] !== VERSION) {
      throw new SealedEnvelopeError("not a pulse envelope of a version this server knows");
    }
    let plain: Buffer;
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, envelope.subarray(1, 1 + NONCE_BYTES));
      decipher.setAAD(aad);
      decipher.setAuthTag(envelope.subarray(envelope.length - TAG_BYTES));
      plain = Buffer.concat([
        decipher.update(envelope.subarray(1 + NONCE_BYTES, envelope.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new SealedEnvelopeError("the pulse envelope does not open with this server's sealing secret");
    }
    const parsed = content.safeParse(JSON.parse(plain.toString("utf8")));
    if (!parsed.success) throw new SealedEnvelopeError("the pulse envelope opened but holds no answer");
    return parsed.data;
  };
}
