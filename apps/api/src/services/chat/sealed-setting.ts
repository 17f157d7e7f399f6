// An organisation's chat credentials (the Slack bot token, the announcement webhook) sealed at
// rest: AES-256-GCM under a key derived with HKDF-SHA256 from the server's sealing secret (never in
// the database), with the organisation and the purpose as associated data, so a sealed value copied
// onto another organisation's row, or from the token column to the webhook column, does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const SALT = Buffer.from("fivefold/chat-setting", "utf8");
const VERSION = 1;

export type ChatSecretPurpose = "slack-bot-token" | "slack-webhook";

function keyOf(secret: string): Buffer {
  if (!secret) throw new Error("No sealing secret: chat settings cannot be sealed or opened");
  return Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), SALT, Buffer.from("chat", "utf8"), 32));
}

const aad = (orgId: string, purpose: ChatSecretPurpose) =>
  Buffer.from(`fivefold/chat/v${VERSION}/${purpose}/org:${orgId}`, "utf8");

export function sealChatSecret(secret: string, orgId: string, purpose: ChatSecretPurpose, value: string) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), nonce);
  cipher.setAAD(aad(orgId, purpose));
  const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, body, cipher.getAuthTag()]).toString("base64url");
}

export function openChatSecret(secret: string, orgId: string, purpose: ChatSecretPurpose, sealed: string) {
  const bytes = Buffer.from(sealed, "base64url");
  if (bytes[0] !== VERSION || bytes.length < 1 + 12 + 16) throw new Error("Not a sealed chat setting");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), bytes.subarray(1, 13));
  decipher.setAAD(aad(orgId, purpose));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(13, bytes.length - 16)), decipher.final()]).toString(
    "utf8",
  );
}
