// The identity provider's client secret, sealed at rest: AES-256-GCM under a key derived with
// HKDF-SHA256 from the server's sealing secret (never in the database), the organisation's id as
// associated data, so a sealed secret copied onto another organisation's row does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const SALT = Buffer.from("fivefold/sso-client-secret", "utf8");
const VERSION = 1;

function keyOf(secret: string): Buffer {
  if (!secret) throw new Error("No sealing secret: the client secret cannot be sealed or opened");
  return Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), SALT, Buffer.from("sso", "utf8"), 32));
}

const aad = (orgId: string) => Buffer.from(`fivefold/sso/v${VERSION}/org:${orgId}`, "utf8");

export function sealClientSecret(secret: string, orgId: string, clientSecret: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), nonce);
  cipher.setAAD(aad(orgId));
  const body = Buffer.concat([cipher.update(clientSecret, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, body, cipher.getAuthTag()]).toString("base64url");
}

export function openClientSecret(secret: string, orgId: string, sealed: string): string {
  const bytes = Buffer.from(sealed, "base64url");
  if (bytes[0] !== VERSION || bytes.length < 1 + 12 + 16) throw new Error("Not a sealed client secret");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), bytes.subarray(1, 13));
  decipher.setAAD(aad(orgId));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(13, bytes.length - 16)), decipher.final()]).toString(
    "utf8",
  );
}
