// Sealing a response until release (DESIGN §4 rule 11). Each request has its own key, derived with
// HKDF-SHA256 from the server's sealing secret (never in the database) and the request id; an
// envelope is AES-256-GCM under that key with a random nonce and the request id as associated
// data, so it opens only for the request it was sealed for, and any change to it is detected.
//
// Envelope bytes: [version 1][nonce 12][ciphertext][tag 16]. The plaintext is the JSON of
// { group, answers, comments }, padded with spaces to one size for all, so an envelope's length
// says nothing: someone watching the database while people answer, who sees which invitation
// turned submitted as each envelope arrived, must not learn who wrote the long comment.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import {
  COMMENT_MAX_BYTES,
  DIMENSION_KEYS,
  type DimensionComment,
  RATER_GROUPS,
  type RaterGroup,
  type RaterResponse,
  type Score,
} from "@fivefold/domain";

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SALT = Buffer.from("fivefold/sealed-envelope", "utf8");
/** Envelopes are padded to a multiple of this (the built-in questionnaire's are exactly this size). */
export const ENVELOPE_SIZE = 32768;

/** The most room comments can take: one per dimension at its stored limit, with its JSON. */
const COMMENTS_ROOM = DIMENSION_KEYS.length * (COMMENT_MAX_BYTES + 64);

/**
 * The padded size of every envelope of a request. It follows from the request's questions alone
 * (every answer set of a request holds the same item keys, each a score or null) and the limits of
 * the comment schema, never from what a rater wrote: the longest answer set the schemas allow fits,
 * so all envelopes of a request have one length.
 */
export function envelopeSize(itemKeys: readonly string[]): number {
  // "key":null, at the most per answer; the group and the JSON around it in the last 256 bytes.
  const answersRoom = itemKeys.reduce((room, key) => room + Buffer.byteLength(JSON.stringify(key)) + 6, 0);
  return Math.ceil((answersRoom + COMMENTS_ROOM + 256) / ENVELOPE_SIZE) * ENVELOPE_SIZE;
}

/** A sealed envelope that does not open: another secret, another request, or altered bytes. */
export class SealedEnvelopeError extends Error {
  override readonly name = "SealedEnvelopeError";
}

function deriveRequestKey(secret: string, requestId: string): Buffer {
  return Buffer.from(
    hkdfSync("sha256", Buffer.from(secret, "utf8"), SALT, Buffer.from(`request:${requestId}`, "utf8"), 32),
  );
}

/**
 * Request keys derived lately, so that a request's raters answering one after another cost one
 * HKDF, not one each (it was a fifth of sealing). Bounded, oldest dropped first, and forgotten
 * whole when the secret changes. Holding a derived key in memory adds nothing to what the process
 * holds anyway: the secret every key derives from.
 */
const KEY_CACHE_LIMIT = 1000;
const derivedKeys = { secret: "", keys: new Map<string, Buffer>() };

function requestKey(secret: string, requestId: string): Buffer {
  if (!secret) throw new SealedEnvelopeError("No sealing secret: answers cannot be sealed or opened");
  if (derivedKeys.secret !== secret) {
    derivedKeys.secret = secret;
    derivedKeys.keys.clear();
  }
  let key = derivedKeys.keys.get(requestId);
  if (!key) {
    key = deriveRequestKey(secret, requestId);
    if (derivedKeys.keys.size >= KEY_CACHE_LIMIT) {
      derivedKeys.keys.delete(derivedKeys.keys.keys().next().value as string);
    }
    derivedKeys.keys.set(requestId, key);
  }
  return key;
}

const associatedData = (requestId: string) =>
  Buffer.from(`fivefold/v${VERSION}/request:${requestId}`, "utf8");

/**
 * The JSON of `content` padded with spaces to `size`, written into one buffer; a plaintext larger
 * than that is a bug upstream of sealing, and is refused.
 */
function padded(content: unknown, size: number): Buffer {
  const json = JSON.stringify(content);
  // Refused rather than sealed larger: a longer envelope would single out its writer.
  if (Buffer.byteLength(json, "utf8") > size) {
    throw new SealedEnvelopeError("the response is larger than the questionnaire and comment limits allow");
  }
  // JSON ignores trailing whitespace, so the padding needs no length field.
  const plain = Buffer.alloc(size, 0x20);
  plain.write(json, 0, "utf8");
  return plain;
}

export function sealResponse(secret: string, requestId: string, response: RaterResponse): Buffer {
  const content = { group: response.group, answers: response.answers, comments: response.comments ?? [] };
  const plain = padded(content, envelopeSize(Object.keys(response.answers)));
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", requestKey(secret, requestId), nonce);
  cipher.setAAD(associatedData(requestId));
  // AES-GCM is a stream cipher: the ciphertext is as long as the plaintext, and final() adds nothing.
  const body = cipher.update(plain);
  const rest = cipher.final();
  const envelope = Buffer.allocUnsafe(1 + NONCE_BYTES + body.length + rest.length + TAG_BYTES);
  envelope[0] = VERSION;
  nonce.copy(envelope, 1);
  body.copy(envelope, 1 + NONCE_BYTES);
  rest.copy(envelope, 1 + NONCE_BYTES + body.length);
  cipher.getAuthTag().copy(envelope, 1 + NONCE_BYTES + body.length + rest.length);
  return envelope;
}

const GROUPS: ReadonlySet<unknown> = new Set(RATER_GROUPS);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The response an opened envelope holds, or null when it holds anything else: a rater group, a
 * score 1–5 or null per answer, comments of a dimension and a text (other keys dropped). Written
 * out rather than as a zod schema: a release checks 1,200 envelopes a batch, and zod's record of
 * forty answers was a tenth of the release's CPU (tests: sealing.test.ts, "opened content").
 */
export function sealedContentOf(content: unknown): RaterResponse | null {
  if (!isRecord(content)) return null;
  const { group, answers, comments } = content;
  if (!GROUPS.has(group) || !isRecord(answers) || !Array.isArray(comments)) return null;
  for (const key of Object.keys(answers)) {
    const score = answers[key];
    if (score !== null && !(Number.isSafeInteger(score) && (score as number) >= 1 && (score as number) <= 5))
      return null;
  }
  const kept: DimensionComment[] = [];
  for (const comment of comments) {
    if (!isRecord(comment) || typeof comment.dimension !== "string" || typeof comment.text !== "string")
      return null;
    kept.push({ dimension: comment.dimension, text: comment.text } as DimensionComment);
  }
  return { group: group as RaterGroup, answers: answers as Record<string, Score | null>, comments: kept };
}

/** Opens one envelope of the request; throws SealedEnvelopeError (saying nothing of the content). */
export function openResponse(secret: string, requestId: string, envelope: Buffer): RaterResponse {
  return envelopeOpener(secret, requestId)(envelope);
}

/**
 * Opens the envelopes of one request with its key derived once (a release opens every envelope of
 * a request: one HKDF per request, not per envelope).
 */
export function envelopeOpener(secret: string, requestId: string): (envelope: Buffer) => RaterResponse {
  const key = requestKey(secret, requestId);
  const aad = associatedData(requestId);
  return (envelope) => openWithKey(key, aad, envelope);
}

function openWithKey(key: Buffer, aad: Buffer, envelope: Buffer): RaterResponse {
  if (envelope.length < 1 + NONCE_BYTES + TAG_BYTES || envelope[0] !== VERSION) {
    throw new SealedEnvelopeError("not a sealed envelope of a version this server knows");
  }
  const nonce = envelope.subarray(1, 1 + NONCE_BYTES);
  const body = envelope.subarray(1 + NONCE_BYTES, envelope.length - TAG_BYTES);
  const tag = envelope.subarray(envelope.length - TAG_BYTES);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new SealedEnvelopeError(
      "the envelope does not open with this server's sealing secret for this request: it was sealed under another SEALING_SECRET, for another request, or altered",
    );
  }
  let content: unknown;
  try {
    // The JSON ends at its last "}": the spaces after it are padding, and decoding them to a string
    // for JSON.parse to skip cost a release of thousands of envelopes three times the parse itself.
    const end = plain.lastIndexOf(0x7d) + 1;
    content = JSON.parse(plain.toString("utf8", 0, end > 0 ? end : plain.length));
  } catch {
    content = undefined;
  }
  const response = sealedContentOf(content);
  if (!response) throw new SealedEnvelopeError("the envelope opened but does not hold a response");
  return response;
}

/**
 * The bytes of an envelope a release reads first: the version, the nonce and the first 3,968
 * bytes of the ciphertext (a whole number of AES blocks), which two TOAST chunks of 1,996 bytes
 * hold, with the envelope's length and its tag.
 */
export const ENVELOPE_HEAD_BYTES = 1 + NONCE_BYTES + 3968;

/** What a release reads of one envelope: its length, its head and its last 16 bytes (the tag). */
export interface EnvelopeSlice {
  length: number;
  head: Buffer;
  tag: Buffer;
}

let spaces = Buffer.alloc(ENVELOPE_SIZE, 0x20);
function spacesOf(length: number): Buffer {
  if (spaces.length < length) spaces = Buffer.alloc(length, 0x20);
  return spaces.subarray(0, length);
}

/** GCM's counter block for the 16-byte block `index` of the ciphertext (96-bit nonce: J0 + 1 + index). */
function counterBlock(nonce: Buffer, index: number): Buffer {
  const iv = Buffer.alloc(16);
  nonce.copy(iv, 0);
  iv.writeUInt32BE(2 + index, 12);
  return iv;
}

/**
 * Opens envelopes of one request from their heads, without reading the padding: the padding is
 * spaces, so the head's plaintext followed by spaces is sealed again with the envelope's nonce and
 * the tag compared with the stored one. The tags are equal only if that is the very plaintext and
 * ciphertext that was sealed, so a slice opens only to the response sealed, whole
 * and unaltered (bytes changed in the stored padding, which no answer depends on, go unread).
 * Returns null whenever that cannot be shown from the head alone (the answers run past it, altered
 * bytes, another secret): the caller then reads the whole envelope and opens it with
 * `envelopeOpener`, which decides and says why.
 */
export function sliceOpener(
  secret: string,
  requestId: string,
): (slice: EnvelopeSlice) => RaterResponse | null {
  const key = requestKey(secret, requestId);
  const aad = associatedData(requestId);
  return (slice) => {
    try {
      return openSliceWithKey(key, aad, slice);
    } catch {
      return null;
    }
  };
}

function openSliceWithKey(key: Buffer, aad: Buffer, slice: EnvelopeSlice): RaterResponse | null {
  const { length, head, tag } = slice;
  if (head[0] !== VERSION || tag.length !== TAG_BYTES) return null;
  if (head.length >= length) return openWithKey(key, aad, head);
  const bodyLength = length - 1 - NONCE_BYTES - TAG_BYTES;
  const prefix = head.subarray(1 + NONCE_BYTES);
  if (head.length !== ENVELOPE_HEAD_BYTES || prefix.length > bodyLength) return null;
  const nonce = head.subarray(1, 1 + NONCE_BYTES);
  // GCM encrypts with AES in counter mode: the head's plaintext, without the tag yet.
  const plain = createDecipheriv("aes-256-ctr", key, counterBlock(nonce, 0)).update(prefix);
  const end = plain.lastIndexOf(0x7d) + 1;
  // The head must end in padding; otherwise the answers run past it.
  if (end === 0 || !plain.subarray(end).equals(spacesOf(plain.length - end))) return null;
  // Sealing this plaintext followed by spaces again gives the tag of the envelope as it would be
  // whole: equal to the stored one only if the stored envelope is exactly that (one AES pass).
  const reseal = createCipheriv("aes-256-gcm", key, nonce);
  reseal.setAAD(aad);
  reseal.update(plain);
  reseal.update(spacesOf(bodyLength - prefix.length));
  reseal.final();
  if (!timingSafeEqual(reseal.getAuthTag(), tag)) return null;
  return sealedContentOf(JSON.parse(plain.toString("utf8", 0, end)));
}
