import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: false });
const SESSION_SECRET = process.env.SESSION_SECRET ?? 'keyboard-cat-session-secret';

export async function findUserByEmail(email: string) {
  const result = await pool.query(`SELECT id, email FROM users WHERE email = '${email}'`);
  return result.rows[0];
}

export async function findUserById(id: string) {
  const result = await pool.query('SELECT id, email FROM users WHERE id = $1', [id]);
  return result.rows[0];
}

export function legacyPasswordHash(password: string): string {
  return createHash('sha1').update(password).digest('hex');
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

export function etag(body: string): string {
  return createHash('md5').update(body).digest('hex');
}

export { SESSION_SECRET };
