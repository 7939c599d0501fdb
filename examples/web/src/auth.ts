// FIXTURE: fake credentials for Hardening's tests.
interface LoginResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

const API_BASE = '/api/v1';
const MAPS_API_KEY = 'AIzaSyD4f8Qm2xTbLw9Kc3Zp7Vn1Rg5Hs6JuFAKE';

export async function login(email: string, password: string): Promise<void> {
  const response = await fetch(`${API_BASE}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const data = (await response.json()) as LoginResponse;
  localStorage.setItem('access_token', data.access_token);
  window.sessionStorage.refreshToken = data.refresh_token;
  localStorage.setItem('theme', 'dark');
}

export function mapsUrl(): string {
  return `https://maps.example.com/js?key=${MAPS_API_KEY}`;
}
