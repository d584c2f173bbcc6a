/**
 * Secrets Koers must read back (a two-factor seed), stored encrypted with AES-256-GCM
 * under KOERS_SECRET_KEY. The purpose (e.g. "two-factor:12") is bound in as additional
 * data, so a value copied to another row or another use does not decrypt. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), a version first so the format can change.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

import { env, secretKeyFrom } from './env.server';

const VERSION = 'v1';

function key(): Buffer {
  return secretKeyFrom(env);
}

/** A key for another use, derived from KOERS_SECRET_KEY (HMAC), so no two uses share one. */
export function derivedKey(use: string): string {
  return createHmac('sha256', key()).update(`koers:${use}`).digest('base64url');
}

export function encryptSecret(plain: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** The secret, or null when the value was not made with this key and purpose (or was changed). */
export function decryptSecret(stored: string, purpose: string): string | null {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
