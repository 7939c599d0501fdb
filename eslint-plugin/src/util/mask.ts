/**
 * Shows enough of a secret to find it again and never the whole of it:
 * at most the first 4 characters of long values, 1 of short ones.
 */
export function maskSecret(value: string): string {
  const visible = value.length >= 16 ? 4 : value.length >= 8 ? 2 : value.length >= 4 ? 1 : 0;
  return `${value.slice(0, visible)}${'*'.repeat(Math.min(8, Math.max(3, value.length - visible)))}`;
}
