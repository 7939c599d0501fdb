import jwt from 'jsonwebtoken';

const JWT_SECRET = process.env.JWT_SECRET!;

export function issueTokens(userId: string) {
  const accessToken = jwt.sign({ sub: userId }, JWT_SECRET, { expiresIn: '7d' });
  const refreshToken = jwt.sign({ sub: userId, type: 'refresh' }, JWT_SECRET);
  return { accessToken, refreshToken };
}

export function readToken(token: string) {
  return jwt.verify(token, JWT_SECRET, { algorithms: ['HS256', 'none'] });
}

export function openNotifications(accessToken: string): WebSocket {
  return new WebSocket(`wss://shop.example.com/ws?token=${accessToken}`);
}

export function downloadInvoice(id: string, accessToken: string): Promise<Response> {
  return fetch(`/api/v1/invoices/${id}.pdf?access_token=${accessToken}`);
}
