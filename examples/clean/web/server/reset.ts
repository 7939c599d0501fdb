import { randomBytes } from 'node:crypto';

export function createPasswordResetToken(): string {
  return randomBytes(32).toString('hex');
}

export function retryDelay(attempt: number): number {
  return 2 ** attempt * 100 + Math.random() * 100;
}
