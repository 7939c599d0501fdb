import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import bcrypt from 'bcryptjs';
import { Pool } from 'pg';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: { ca: readFileSync('/etc/ssl/db-ca.pem', 'utf8') },
});
const SESSION_SECRET = process.env.SESSION_SECRET;
if (!SESSION_SECRET) throw new Error('SESSION_SECRET is not set');

export async function findUserByEmail(email: string) {
  const result = await pool.query('SELECT id, email FROM users WHERE email = $1', [email]);
  return result.rows[0];
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 12);
}

export function etag(body: string): string {
  return createHash('md5').update(body).digest('hex');
}

export { SESSION_SECRET };
