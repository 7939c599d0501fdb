import { readFileSync } from 'node:fs';
import https from 'node:https';

export const paymentsAgent = new https.Agent({ keepAlive: true, ca: readFileSync(process.env.PAYMENTS_CA_PATH!) });
