import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import { issueTokens } from './session';

export const app = express();

app.use(cors({ origin: true, credentials: true }));

app.use((req: Request, _res: Response, next: NextFunction) => {
  console.log(`${req.method} ${req.url}`, req.headers);
  next();
});

app.post('/api/v1/session', (req: Request, res: Response) => {
  const { accessToken } = issueTokens(String(req.body.userId));
  res.cookie('access_token', accessToken, { maxAge: 15 * 60 * 1000 });
  res.json({ ok: true });
});
