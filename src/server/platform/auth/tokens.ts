import { createHash, randomBytes } from 'node:crypto';

// Secrets (session cookies and API tokens) are random; only their SHA-256 is stored.
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const API_TOKEN_PREFIX = 'ky_';
