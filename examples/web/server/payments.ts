import https from 'node:https';

export const paymentsAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
