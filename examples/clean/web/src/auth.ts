const API_BASE = '/api/v1';

/** The session lives in an httpOnly cookie set by the server; nothing is stored in the browser. */
export async function login(email: string, password: string): Promise<void> {
  await fetch(`${API_BASE}/auth/login`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  localStorage.setItem('theme', 'dark');
}
