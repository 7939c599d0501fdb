import rule from '../../src/rules/no-insecure-jwt.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('no-insecure-jwt', rule, {
  valid: [
    // Lifetimes within the guide's limits: 30 minutes for access tokens, 7 days for refresh tokens.
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });",
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, { expiresIn: 30 * 60, algorithm: 'HS256' });",
    "import jwt from 'jsonwebtoken';\nconst refreshToken = jwt.sign({ sub: user.id }, process.env.REFRESH_SECRET, { expiresIn: '7d' });",
    "import jwt from 'jsonwebtoken';\nconst rememberMeToken = jwt.sign({ sub: user.id }, secret, { expiresIn: '7 days' });",
    "import jwt from 'jsonwebtoken';\nexport function refreshAccessToken(user) {\n  return jwt.sign({ sub: user.id }, secret, { expiresIn: '15m' });\n}",
    "export const config = { jwt: { accessExpiresIn: '15m', refreshExpiresIn: '7d' } };",
    "JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' } });",
    "import { SignJWT } from 'jose';\nconst token = await new SignJWT({ sub: user.id }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(secret);",
    // Lifetimes from the environment or from configuration the rule cannot see.
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, { expiresIn: process.env.JWT_EXPIRES_IN });",
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, { expiresIn: process.env.JWT_EXPIRES_IN || '1d' });",
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, { expiresIn: config.get('jwt.expiresIn') });",
    // jose takes a number as an absolute time, not a duration.
    "import { SignJWT } from 'jose';\nconst token = await new SignJWT({ sub: user.id }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) + 600).sign(secret);",
    // Expiry set through an options constant, an exp claim or a callback form.
    "import jwt from 'jsonwebtoken';\nconst signOptions = { expiresIn: '30m', algorithm: 'HS256' };\nexport const sign = (user) => jwt.sign({ sub: user.id }, secret, signOptions);",
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 15 * 60 }, secret);",
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, { expiresIn: '10m' }, (err, token) => done(err, token));",
    // Payloads or options the rule cannot see whole: no guess about a missing expiry.
    "import jwt from 'jsonwebtoken';\nexport const sign = (payload) => jwt.sign(payload, secret);",
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ ...claims, sub: user.id }, secret);",
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, options);",
    "import jwt from 'jsonwebtoken';\nconst payload = { sub: user.id };\npayload.exp = Math.floor(Date.now() / 1000) + 900;\nconst token = jwt.sign(payload, secret);",
    "import jwt from 'jsonwebtoken';\nconst payload = { sub: user.id };\nObject.assign(payload, expiry);\nconst token = jwt.sign(payload, secret);",
    // NestJS signs with the module's defaults.
    'const token = this.jwtService.sign({ sub: user.id });',
    // One-time tokens have their own lifetimes.
    "import jwt from 'jsonwebtoken';\nfunction createPasswordResetToken(user) {\n  const token = jwt.sign({ sub: user.id }, secret, { expiresIn: '1h' });\n  return token;\n}",
    "export const EMAIL_VERIFICATION_TOKEN_EXPIRES_IN = '24h';",
    'export const TOKEN_CACHE_TTL_SECONDS = 3600;',
    // Lifetimes of other things: signed S3 URLs, cookies.
    "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nconst uploadToken = await getSignedUrl(s3, command, { expiresIn: 3600 });",
    "res.cookie('token', token, { httpOnly: true, expires: new Date(Date.now() + 15 * 60 * 1000) });",
    "res.json({ access_token: token, token_type: 'Bearer', expires_in: 900 });",
    // Explicit algorithms, and "none" outside JWTs.
    "import jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, secret, { algorithms: ['HS256'] });",
    "import { jwtVerify } from 'jose';\nconst { payload } = await jwtVerify(token, key, { algorithms: ['ES256'], issuer, audience });",
    "import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));",
    "const compression = { algorithms: ['gzip', 'none'] };",
    "const hmac = { algorithm: 'none', digest: 'hex' };",
    "import crypto from 'crypto';\nconst signature = crypto.sign('sha256', Buffer.from(token), privateKey);",
    // decode() to read a claim, to pick a key before verifying, after another library verified, or on the client.
    "import jwt from 'jsonwebtoken';\nexport function logout(req) {\n  const { exp } = jwt.decode(req.token);\n  denylist.add(req.token, exp);\n}",
    "import jwt from 'jsonwebtoken';\nexport async function authenticate(req) {\n  const { header } = jwt.decode(req.token, { complete: true });\n  const key = await jwks.getSigningKey(header.kid);\n  req.user = jwt.verify(req.token, key.getPublicKey(), { algorithms: ['RS256'] });\n}",
    "import jwt from 'jsonwebtoken';\nexport async function authenticate(req) {\n  await googleClient.verifyIdToken({ idToken: req.body.credential, audience: CLIENT_ID });\n  req.user = jwt.decode(req.body.credential);\n}",
    "import { jwtDecode } from 'jwt-decode';\nexport function getCurrentUser() {\n  return jwtDecode(localStorage.getItem('token'));\n}",
  ],
  invalid: [
    {
      // jsonwebtoken's ms-style lifetime over 30 minutes.
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '30d' });",
      errors: [
        { messageId: 'accessTokenLifetime', line: 2, column: 79, endLine: 2, endColumn: 84,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '30m' });" },
          ],
        },
      ],
    },
    {
      // A number is seconds.
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, { expiresIn: 60 * 60 * 24 });",
      errors: [
        { messageId: 'accessTokenLifetime', line: 2, column: 63, endLine: 2, endColumn: 75,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, { expiresIn: 30 * 60 });" },
          ],
        },
      ],
    },
    {
      // A refresh token over 7 days, named by the variable it is stored in.
      code: 'import jwt from \'jsonwebtoken\';\nconst refreshToken = jwt.sign({ sub: user.id }, process.env.REFRESH_SECRET, { expiresIn: "30d" });',
      errors: [
        { messageId: 'refreshTokenLifetime', line: 2, column: 90, endLine: 2, endColumn: 95,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'import jwt from \'jsonwebtoken\';\nconst refreshToken = jwt.sign({ sub: user.id }, process.env.REFRESH_SECRET, { expiresIn: "7d" });' },
          ],
        },
      ],
    },
    {
      // A refresh token named by the function that issues it.
      code: "import jwt from 'jsonwebtoken';\nexport function issueRefreshToken(user) {\n  return jwt.sign({ sub: user.id }, secret, { expiresIn: '90 days' });\n}",
      errors: [
        { messageId: 'refreshTokenLifetime', line: 3, column: 58, endLine: 3, endColumn: 67,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nexport function issueRefreshToken(user) {\n  return jwt.sign({ sub: user.id }, secret, { expiresIn: '7d' });\n}" },
          ],
        },
      ],
    },
    {
      // refreshAccessToken() issues an access token.
      code: "import jwt from 'jsonwebtoken';\nexport function refreshAccessToken(user) {\n  return jwt.sign({ sub: user.id }, secret, { expiresIn: '1d' });\n}",
      errors: [
        { messageId: 'accessTokenLifetime', line: 3, column: 58, endLine: 3, endColumn: 62,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nexport function refreshAccessToken(user) {\n  return jwt.sign({ sub: user.id }, secret, { expiresIn: '30m' });\n}" },
          ],
        },
      ],
    },
    {
      // The type claim says which token it is.
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id, type: 'refresh' }, secret, { expiresIn: '1y' });",
      errors: [
        { messageId: 'refreshTokenLifetime', line: 2, column: 80, endLine: 2, endColumn: 84,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id, type: 'refresh' }, secret, { expiresIn: '7d' });" },
          ],
        },
      ],
    },
    {
      // A constant is reported where it is assigned, once.
      code: "import jwt from 'jsonwebtoken';\nexport const JWT_EXPIRES_IN = '1d';\nexport const sign = (user) => jwt.sign({ sub: user.id }, secret, { expiresIn: JWT_EXPIRES_IN });",
      errors: [
        { messageId: 'accessTokenLifetime', line: 2, column: 31, endLine: 2, endColumn: 35,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nexport const JWT_EXPIRES_IN = '30m';\nexport const sign = (user) => jwt.sign({ sub: user.id }, secret, { expiresIn: JWT_EXPIRES_IN });" },
          ],
        },
      ],
    },
    {
      // Options in a constant.
      code: "import jwt from 'jsonwebtoken';\nconst options = { expiresIn: '12h', algorithm: 'HS256' };\nconst token = jwt.sign({ sub: user.id }, secret, options);",
      errors: [
        { messageId: 'accessTokenLifetime', line: 2, column: 30, endLine: 2, endColumn: 35,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nconst options = { expiresIn: '30m', algorithm: 'HS256' };\nconst token = jwt.sign({ sub: user.id }, secret, options);" },
          ],
        },
      ],
    },
    {
      // A config object for JWTs.
      code: "export default {\n  jwt: { secret: process.env.JWT_SECRET, expiresIn: '7d' },\n};",
      errors: [
        { messageId: 'accessTokenLifetime', line: 2, column: 53, endLine: 2, endColumn: 57,
          suggestions: [
            { messageId: 'shortenLifetime', output: "export default {\n  jwt: { secret: process.env.JWT_SECRET, expiresIn: '30m' },\n};" },
          ],
        },
      ],
    },
    {
      code: "export const auth = { accessTokenTtl: '2h', refreshTokenTtl: '30d' };",
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 39, endLine: 1, endColumn: 43,
          suggestions: [
            { messageId: 'shortenLifetime', output: "export const auth = { accessTokenTtl: '30m', refreshTokenTtl: '30d' };" },
          ],
        },
        { messageId: 'refreshTokenLifetime', line: 1, column: 62, endLine: 1, endColumn: 67,
          suggestions: [
            { messageId: 'shortenLifetime', output: "export const auth = { accessTokenTtl: '2h', refreshTokenTtl: '7d' };" },
          ],
        },
      ],
    },
    {
      // NestJS module defaults.
      code: "JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '60d' } });",
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 80, endLine: 1, endColumn: 85,
          suggestions: [
            { messageId: 'shortenLifetime', output: "JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '30m' } });" },
          ],
        },
      ],
    },
    {
      code: "const token = await this.jwtService.signAsync({ sub: user.id }, { expiresIn: '24h' });",
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 78, endLine: 1, endColumn: 83,
          suggestions: [
            { messageId: 'shortenLifetime', output: "const token = await this.jwtService.signAsync({ sub: user.id }, { expiresIn: '30m' });" },
          ],
        },
      ],
    },
    {
      // An exp claim computed from now.
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 60 * 60 * 24 * 30 }, secret);",
      errors: [
        { messageId: 'accessTokenLifetime', line: 2, column: 77, endLine: 2, endColumn: 94,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 30 * 60 }, secret);" },
          ],
        },
      ],
    },
    {
      // A parameter with a default: callers get the default.
      code: "import jwt from 'jsonwebtoken';\nexport function sign(user, options) {\n  return jwt.sign({ sub: user.id }, secret, { expiresIn: options.expiresIn ?? '8h' });\n}",
      errors: [
        { messageId: 'accessTokenLifetime', line: 3, column: 79, endLine: 3, endColumn: 83,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nexport function sign(user, options) {\n  return jwt.sign({ sub: user.id }, secret, { expiresIn: options.expiresIn ?? '30m' });\n}" },
          ],
        },
      ],
    },
    {
      // The limit is an option.
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, { expiresIn: '2h' });",
      options: [{ maxAccessTokenMinutes: 60 }],
      errors: [
        { messageId: 'accessTokenLifetime', line: 2, column: 63, endLine: 2, endColumn: 67,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, secret, { expiresIn: '1h' });" },
          ],
        },
      ],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nconst refreshToken = jwt.sign({ sub: user.id }, secret, { expiresIn: '30d' });",
      options: [{ maxRefreshTokenDays: 14 }],
      errors: [
        { messageId: 'refreshTokenLifetime', line: 2, column: 70, endLine: 2, endColumn: 75,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import jwt from 'jsonwebtoken';\nconst refreshToken = jwt.sign({ sub: user.id }, secret, { expiresIn: '14d' });" },
          ],
        },
      ],
    },
    {
      // No expiry at all.
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET);",
      errors: [
        { messageId: 'missingExpiry', line: 2, column: 15, endLine: 2, endColumn: 23,
          suggestions: [
            { messageId: 'addExpiry', output: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, { expiresIn: '30m' });" },
          ],
        },
      ],
    },
    {
      code: "const jwt = require('jsonwebtoken');\nconst token = jwt.sign({ sub: user.id }, secret, { algorithm: 'HS256' });",
      errors: [
        { messageId: 'missingExpiry', line: 2, column: 15, endLine: 2, endColumn: 23,
          suggestions: [
            { messageId: 'addExpiry', output: "const jwt = require('jsonwebtoken');\nconst token = jwt.sign({ sub: user.id }, secret, { algorithm: 'HS256', expiresIn: '30m' });" },
          ],
        },
      ],
    },
    {
      code: "import { sign } from 'jsonwebtoken';\nsign({ sub: user.id }, secret, (err, token) => res.json({ token }));",
      errors: [
        { messageId: 'missingExpiry', line: 2, column: 1, endLine: 2, endColumn: 5,
          suggestions: [
            { messageId: 'addExpiry', output: "import { sign } from 'jsonwebtoken';\nsign({ sub: user.id }, secret, { expiresIn: '30m' }, (err, token) => res.json({ token }));" },
          ],
        },
      ],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nconst refreshToken = jwt.sign({ sub: user.id }, secret, {});",
      errors: [
        { messageId: 'missingExpiry', line: 2, column: 22, endLine: 2, endColumn: 30,
          suggestions: [
            { messageId: 'addExpiry', output: "import jwt from 'jsonwebtoken';\nconst refreshToken = jwt.sign({ sub: user.id }, secret, { expiresIn: '7d' });" },
          ],
        },
      ],
    },
    {
      // A payload in a constant used only here.
      code: "import jwt from 'jsonwebtoken';\nconst payload = { sub: user.id };\nconst token = jwt.sign(payload, secret);",
      errors: [
        { messageId: 'missingExpiry', line: 3, column: 15, endLine: 3, endColumn: 23,
          suggestions: [
            { messageId: 'addExpiry', output: "import jwt from 'jsonwebtoken';\nconst payload = { sub: user.id };\nconst token = jwt.sign(payload, secret, { expiresIn: '30m' });" },
          ],
        },
      ],
    },
    {
      // jose
      code: "import { SignJWT } from 'jose';\nconst token = await new SignJWT({ sub: user.id })\n  .setProtectedHeader({ alg: 'HS256' })\n  .setIssuedAt()\n  .sign(secret);",
      errors: [
        { messageId: 'missingExpiry', line: 2, column: 25, endLine: 2, endColumn: 32,
          suggestions: [
            { messageId: 'addExpiry', output: "import { SignJWT } from 'jose';\nconst token = await new SignJWT({ sub: user.id })\n  .setProtectedHeader({ alg: 'HS256' })\n  .setIssuedAt().setExpirationTime('30m')\n  .sign(secret);" },
          ],
        },
      ],
    },
    {
      code: "import * as jose from 'jose';\nconst token = await new jose.SignJWT({ sub: user.id }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('30d').sign(secret);",
      errors: [
        { messageId: 'accessTokenLifetime', line: 2, column: 111, endLine: 2, endColumn: 116,
          suggestions: [
            { messageId: 'shortenLifetime', output: "import * as jose from 'jose';\nconst token = await new jose.SignJWT({ sub: user.id }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('30m').sign(secret);" },
          ],
        },
      ],
    },
    {
      // The none algorithm.
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign(payload, '', { algorithm: 'none' });",
      errors: [
        { messageId: 'noneAlgorithm', line: 2, column: 50, endLine: 2, endColumn: 56, suggestions: [] },
      ],
    },
    {
      code: "import { SignJWT } from 'jose';\nconst token = await new SignJWT(claims).setProtectedHeader({ alg: 'none' }).setExpirationTime('15m').sign(key);",
      errors: [
        { messageId: 'noneAlgorithm', line: 2, column: 67, endLine: 2, endColumn: 73, suggestions: [] },
      ],
    },
    {
      code: "import { UnsecuredJWT } from 'jose';\nconst token = new UnsecuredJWT({ sub: user.id }).setExpirationTime('15m').encode();",
      errors: [
        { messageId: 'noneAlgorithm', line: 2, column: 19, endLine: 2, endColumn: 31, suggestions: [] },
      ],
    },
    {
      code: "import { UnsecuredJWT } from 'jose';\nconst { payload } = UnsecuredJWT.decode(token);",
      errors: [
        { messageId: 'noneAccepted', line: 2, column: 21, endLine: 2, endColumn: 40, suggestions: [] },
      ],
    },
    {
      // none among the accepted algorithms.
      code: "import jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, key, { algorithms: ['HS256', 'none'] });",
      errors: [
        { messageId: 'noneAccepted', line: 2, column: 63, endLine: 2, endColumn: 69,
          suggestions: [
            { messageId: 'removeNone', output: "import jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, key, { algorithms: ['HS256'] });" },
          ],
        },
      ],
    },
    {
      code: "import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['none'] }));",
      errors: [
        { messageId: 'noneAccepted', line: 2, column: 67, endLine: 2, endColumn: 73, suggestions: [] },
      ],
    },
    {
      code: "const ALGORITHMS = ['none', 'RS256'];\npassport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: publicKey, algorithms: ALGORITHMS }, verify));",
      errors: [
        { messageId: 'noneAccepted', line: 1, column: 21, endLine: 1, endColumn: 27,
          suggestions: [
            { messageId: 'removeNone', output: "const ALGORITHMS = ['RS256'];\npassport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: publicKey, algorithms: ALGORITHMS }, verify));" },
          ],
        },
      ],
    },
    {
      // Decoded, never verified, and trusted as the user.
      code: "import jwt from 'jsonwebtoken';\nexport function authenticate(req, res, next) {\n  req.user = jwt.decode(req.headers.authorization.slice(7));\n  next();\n}",
      errors: [
        { messageId: 'unverifiedDecode', line: 3, column: 14, endLine: 3, endColumn: 24, suggestions: [] },
      ],
    },
    {
      code: "import jwt from 'jsonwebtoken';\napp.use((req, res, next) => {\n  const claims = jwt.decode(req.cookies.token);\n  res.locals.user = { id: claims.sub };\n  next();\n});",
      errors: [
        { messageId: 'unverifiedDecode', line: 3, column: 18, endLine: 3, endColumn: 28, suggestions: [] },
      ],
    },
    {
      code: "import { decodeJwt } from 'jose';\nexport async function getCurrentUser(token) {\n  return decodeJwt(token);\n}",
      errors: [
        { messageId: 'unverifiedDecode', line: 3, column: 10, endLine: 3, endColumn: 19, suggestions: [] },
      ],
    },
  ],
});

languageTester('python').run('no-insecure-jwt', rule as never, {
  valid: [
    // Lifetimes within the guide's limits (AutonomOS: 30 minutes; AMAS: 15 minutes and 7 days).
    'ACCESS_TOKEN_EXPIRE_MINUTES = 30\n',
    'ACCESS_TOKEN_EXPIRE_MINUTES = 15\nREFRESH_TOKEN_EXPIRE_DAYS = 7\n',
    'SIMPLE_JWT = {\n    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),\n    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),\n}\n',
    'app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(minutes=15)\napp.config["JWT_REFRESH_TOKEN_EXPIRES"] = timedelta(days=7)\n',
    'REMEMBER_COOKIE_DURATION = timedelta(days=7)\n',
    'token = create_access_token(identity=user.id, expires_delta=timedelta(minutes=15))\nrefresh = create_refresh_token(identity=user.id)\n',
    // The AutonomOS guide's own code.
    'from datetime import datetime, timedelta\nfrom typing import Optional\nimport jwt\n\nSECRET_KEY = os.getenv("JWT_SECRET_KEY")\nALGORITHM = "HS256"\nACCESS_TOKEN_EXPIRE_MINUTES = 30\n\ndef create_access_token(data: dict, expires_delta: Optional[timedelta] = None) -> str:\n    to_encode = data.copy()\n    expire = datetime.utcnow() + (expires_delta or timedelta(minutes=15))\n    to_encode.update({\n        "exp": expire,\n        "iat": datetime.utcnow(),\n        "nbf": datetime.utcnow()\n    })\n    return jwt.encode(to_encode, SECRET_KEY, algorithm=ALGORITHM)\n',
    // FastAPI's tutorial: the default branch is 15 minutes.
    'from datetime import datetime, timedelta\nimport jwt\n\ndef create_access_token(data, expires_delta=None):\n    if expires_delta:\n        expire = datetime.utcnow() + expires_delta\n    else:\n        expire = datetime.utcnow() + timedelta(minutes=15)\n    return jwt.encode({**data, "exp": expire}, SECRET_KEY, algorithm="HS256")\n',
    'from datetime import datetime, timedelta, timezone\nimport jwt\n\ndef create_refresh_token(user_id):\n    expire = datetime.now(timezone.utc) + timedelta(days=7)\n    return jwt.encode({"sub": user_id, "exp": expire, "type": "refresh"}, SECRET_KEY, algorithm="HS256")\n',
    // A bare number without a unit in its name: the AMAS guide's seconds.
    'JWT_EXPIRATION = 15 * 60  # 15 minutes\nREFRESH_TOKEN_EXPIRATION = 7 * 24 * 60 * 60  # 7 days\n',
    // Lifetimes from the environment.
    'ACCESS_TOKEN_EXPIRE_MINUTES = int(os.getenv("ACCESS_TOKEN_EXPIRE_MINUTES", "60"))\n',
    'class Settings(BaseSettings):\n    ACCESS_TOKEN_EXPIRE_MINUTES: int = Field(default=30)\n    EMAIL_RESET_TOKEN_EXPIRE_HOURS: int = 48\n',
    // One-time tokens, API tokens, caches and other durations.
    'PASSWORD_RESET_TOKEN_EXPIRE_HOURS = 24\nEMAIL_VERIFICATION_TOKEN_EXPIRE_DAYS = 3\nINVITE_TOKEN_TTL_DAYS = 14\n',
    'TOKEN_CACHE_TTL_SECONDS = 3600\nAPI_TOKEN_EXPIRE_DAYS = 365\n',
    'PERMANENT_SESSION_LIFETIME = timedelta(days=31)\nCLEANUP_INTERVAL = timedelta(days=30)\n',
    'url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=3600)\n',
    'cache.set(f"token:{user_id}", token, timeout=3600)\n',
    // An OAuth token response (or a mock of one) describes a token issued elsewhere.
    'GOOGLE_TOKEN_RESPONSE = {"access_token": "ya29.test", "token_type": "Bearer", "expires_in": 3599}\n',
    // Payloads the rule cannot see whole, or that get an exp later.
    'import jwt\n\ndef sign(claims):\n    return jwt.encode(claims, SECRET_KEY, algorithm="HS256")\n',
    'import jwt\n\ndef sign(user):\n    payload = {"sub": user.id}\n    payload["exp"] = datetime.utcnow() + timedelta(minutes=15)\n    return jwt.encode(payload, SECRET_KEY, algorithm="HS256")\n',
    'import jwt\n\ndef sign(user):\n    payload = {"sub": user.id}\n    add_expiry(payload)\n    return jwt.encode(payload, SECRET_KEY, algorithm="HS256")\n',
    'import jwt\n\ntoken = jwt.encode({"sub": user_id, **expiry_claims}, SECRET_KEY, algorithm="HS256")\n',
    // Verified decoding; options that do not touch the signature.
    'import jwt\n\npayload = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])\n',
    'import jwt\n\npayload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], options={"verify_aud": False, "verify_exp": True})\n',
    'from authlib.jose import JsonWebToken\n\njwt = JsonWebToken(["RS256"])\n',
    'COMPRESSION = {"algorithms": ["gzip", "none"]}\n',
    // Reading a token before verifying it, or after another library verified it.
    'from jose import jwt\n\ndef verify(token, jwks):\n    unverified = jwt.get_unverified_header(token)\n    key = jwks[unverified["kid"]]\n    return jwt.decode(token, key, algorithms=["RS256"], audience=AUDIENCE)\n',
    'import jwt\n\ndef get_current_user(token):\n    unverified = jwt.decode(token, options={"verify_signature": False})\n    key = keys_by_issuer[unverified["iss"]]\n    return jwt.decode(token, key, algorithms=["RS256"], audience=AUDIENCE)\n',
    'import jwt\nfrom google.oauth2 import id_token\n\ndef get_user(token):\n    id_token.verify_oauth2_token(token, requests.Request(), CLIENT_ID)\n    return jwt.decode(token, options={"verify_signature": False})\n',
    'from jose import jwt\n\ndef log_token(token):\n    claims = jwt.get_unverified_claims(token)\n    logger.info("token for %s expires at %s", claims["sub"], claims["exp"])\n',
    'import jwt\n\nheader = jwt.get_unverified_header(token)\n',
    // Bytes, not tokens.
    'raw = token.encode("utf-8")\ntext = jwt_bytes.decode("ascii")\n',
  ],
  invalid: [
    {
      // A settings constant: FastAPI's project template uses 8 days.
      code: 'ACCESS_TOKEN_EXPIRE_MINUTES = 60 * 24 * 8\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 31, endLine: 1, endColumn: 42,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'ACCESS_TOKEN_EXPIRE_MINUTES = 30\n' },
          ],
        },
      ],
    },
    {
      code: 'class Settings(BaseSettings):\n    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 2, column: 40, endLine: 2, endColumn: 42,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'class Settings(BaseSettings):\n    ACCESS_TOKEN_EXPIRE_MINUTES: int = 30\n' },
          ],
        },
      ],
    },
    {
      code: 'REFRESH_TOKEN_EXPIRE_DAYS = 30\n',
      errors: [
        { messageId: 'refreshTokenLifetime', line: 1, column: 29, endLine: 1, endColumn: 31,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'REFRESH_TOKEN_EXPIRE_DAYS = 7\n' },
          ],
        },
      ],
    },
    {
      code: 'JWT_ACCESS_TOKEN_EXPIRE_HOURS = 24\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 33, endLine: 1, endColumn: 35, suggestions: [] },
      ],
    },
    {
      // A constant used by timedelta is reported once, where it is assigned.
      code: 'from datetime import datetime, timedelta, timezone\nimport jwt\n\nACCESS_TOKEN_EXPIRE_MINUTES = 120\n\ndef create_access_token(user_id):\n    expire = datetime.now(timezone.utc) + timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES)\n    return jwt.encode({"sub": user_id, "exp": expire}, SECRET_KEY, algorithm="HS256")\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 4, column: 31, endLine: 4, endColumn: 34,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'from datetime import datetime, timedelta, timezone\nimport jwt\n\nACCESS_TOKEN_EXPIRE_MINUTES = 30\n\ndef create_access_token(user_id):\n    expire = datetime.now(timezone.utc) + timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES)\n    return jwt.encode({"sub": user_id, "exp": expire}, SECRET_KEY, algorithm="HS256")\n' },
          ],
        },
      ],
    },
    {
      // The exp claim, through a variable.
      code: 'from datetime import datetime, timedelta\nimport jwt\n\ndef create_access_token(data: dict) -> str:\n    to_encode = data.copy()\n    expire = datetime.utcnow() + timedelta(days=30)\n    to_encode.update({"exp": expire})\n    return jwt.encode(to_encode, SECRET_KEY, algorithm=ALGORITHM)\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 6, column: 34, endLine: 6, endColumn: 52,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'from datetime import datetime, timedelta\nimport jwt\n\ndef create_access_token(data: dict) -> str:\n    to_encode = data.copy()\n    expire = datetime.utcnow() + timedelta(minutes=30)\n    to_encode.update({"exp": expire})\n    return jwt.encode(to_encode, SECRET_KEY, algorithm=ALGORITHM)\n' },
          ],
        },
      ],
    },
    {
      // The guide's parameter-or-default pattern: callers get the default.
      code: 'from datetime import datetime, timedelta\n\ndef create_access_token(data: dict, expires_delta: Optional[timedelta] = None) -> str:\n    expire = datetime.utcnow() + (expires_delta or timedelta(hours=12))\n    return jwt.encode({**data, "exp": expire}, SECRET_KEY, algorithm="HS256")\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 4, column: 52, endLine: 4, endColumn: 71,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'from datetime import datetime, timedelta\n\ndef create_access_token(data: dict, expires_delta: Optional[timedelta] = None) -> str:\n    expire = datetime.utcnow() + (expires_delta or timedelta(minutes=30))\n    return jwt.encode({**data, "exp": expire}, SECRET_KEY, algorithm="HS256")\n' },
          ],
        },
      ],
    },
    {
      code: 'import time\nimport jwt\n\ntoken = jwt.encode({"sub": user_id, "exp": int(time.time()) + 86400}, key, algorithm="HS256")\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 4, column: 63, endLine: 4, endColumn: 68,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'import time\nimport jwt\n\ntoken = jwt.encode({"sub": user_id, "exp": int(time.time()) + 30 * 60}, key, algorithm="HS256")\n' },
          ],
        },
      ],
    },
    {
      // A refresh token named by its function.
      code: 'from datetime import datetime, timedelta, timezone\nfrom jose import jwt\n\ndef create_refresh_token(user_id):\n    expire = datetime.now(timezone.utc) + timedelta(days=30)\n    return jwt.encode({"sub": user_id, "exp": expire}, REFRESH_SECRET, algorithm="HS256")\n',
      errors: [
        { messageId: 'refreshTokenLifetime', line: 5, column: 43, endLine: 5, endColumn: 61,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'from datetime import datetime, timedelta, timezone\nfrom jose import jwt\n\ndef create_refresh_token(user_id):\n    expire = datetime.now(timezone.utc) + timedelta(days=7)\n    return jwt.encode({"sub": user_id, "exp": expire}, REFRESH_SECRET, algorithm="HS256")\n' },
          ],
        },
      ],
    },
    {
      code: 'from datetime import timedelta\n\ndef create_access_token(data: dict, expires_delta: timedelta = timedelta(days=1)) -> str:\n    ...\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 3, column: 64, endLine: 3, endColumn: 81,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'from datetime import timedelta\n\ndef create_access_token(data: dict, expires_delta: timedelta = timedelta(minutes=30)) -> str:\n    ...\n' },
          ],
        },
      ],
    },
    {
      // Flask-JWT-Extended and Django settings.
      code: 'app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(hours=1)\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 42, endLine: 1, endColumn: 60,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(minutes=30)\n' },
          ],
        },
      ],
    },
    {
      code: 'app.config["JWT_ACCESS_TOKEN_EXPIRES"] = 3600\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 42, endLine: 1, endColumn: 46,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'app.config["JWT_ACCESS_TOKEN_EXPIRES"] = 30 * 60\n' },
          ],
        },
      ],
    },
    {
      code: 'import datetime\n\nSIMPLE_JWT = {\n    "ACCESS_TOKEN_LIFETIME": datetime.timedelta(minutes=5),\n    "REFRESH_TOKEN_LIFETIME": datetime.timedelta(days=30),\n}\n',
      errors: [
        { messageId: 'refreshTokenLifetime', line: 5, column: 31, endLine: 5, endColumn: 58,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'import datetime\n\nSIMPLE_JWT = {\n    "ACCESS_TOKEN_LIFETIME": datetime.timedelta(minutes=5),\n    "REFRESH_TOKEN_LIFETIME": datetime.timedelta(days=7),\n}\n' },
          ],
        },
      ],
    },
    {
      code: 'JWT_AUTH = {"JWT_EXPIRATION_DELTA": timedelta(days=7)}\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 37, endLine: 1, endColumn: 54,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'JWT_AUTH = {"JWT_EXPIRATION_DELTA": timedelta(minutes=30)}\n' },
          ],
        },
      ],
    },
    {
      code: 'token = create_access_token(identity=user.id, expires_delta=timedelta(days=365))\n',
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 61, endLine: 1, endColumn: 80,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'token = create_access_token(identity=user.id, expires_delta=timedelta(minutes=30))\n' },
          ],
        },
      ],
    },
    {
      code: 'ACCESS_TOKEN_EXPIRE_MINUTES = 30\n',
      options: [{ maxAccessTokenMinutes: 15 }],
      errors: [
        { messageId: 'accessTokenLifetime', line: 1, column: 31, endLine: 1, endColumn: 33,
          suggestions: [
            { messageId: 'shortenLifetime', output: 'ACCESS_TOKEN_EXPIRE_MINUTES = 15\n' },
          ],
        },
      ],
    },
    {
      // Expiry turned off.
      code: 'app.config["JWT_ACCESS_TOKEN_EXPIRES"] = False\n',
      errors: [
        { messageId: 'expiryDisabled', line: 1, column: 1, endLine: 1, endColumn: 47, suggestions: [] },
      ],
    },
    {
      code: 'class Config:\n    JWT_REFRESH_TOKEN_EXPIRES = False\n',
      errors: [
        { messageId: 'expiryDisabled', line: 2, column: 5, endLine: 2, endColumn: 38, suggestions: [] },
      ],
    },
    {
      code: 'token = create_access_token(identity=user.id, expires_delta=False)\n',
      errors: [
        { messageId: 'expiryDisabled', line: 1, column: 47, endLine: 1, endColumn: 66, suggestions: [] },
      ],
    },
    {
      // No exp claim.
      code: 'from datetime import datetime, timedelta, timezone\nimport jwt\n\ndef login(user):\n    return jwt.encode({"sub": str(user.id), "role": user.role}, SECRET_KEY, algorithm="HS256")\n',
      errors: [
        { messageId: 'missingExpiry', line: 5, column: 12, endLine: 5, endColumn: 22,
          suggestions: [
            { messageId: 'addExpiry', output: 'from datetime import datetime, timedelta, timezone\nimport jwt\n\ndef login(user):\n    return jwt.encode({"sub": str(user.id), "role": user.role, "exp": datetime.now(timezone.utc) + timedelta(minutes=30)}, SECRET_KEY, algorithm="HS256")\n' },
          ],
        },
      ],
    },
    {
      code: 'import datetime\nimport jwt\n\ndef create_refresh_token(user):\n    payload = {"sub": str(user.id)}\n    return jwt.encode(payload, SECRET_KEY, algorithm="HS256")\n',
      errors: [
        { messageId: 'missingExpiry', line: 6, column: 12, endLine: 6, endColumn: 22,
          suggestions: [
            { messageId: 'addExpiry', output: 'import datetime\nimport jwt\n\ndef create_refresh_token(user):\n    payload = {"sub": str(user.id), "exp": datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=7)}\n    return jwt.encode(payload, SECRET_KEY, algorithm="HS256")\n' },
          ],
        },
      ],
    },
    {
      // Without the datetime names the rewrite would need, report only.
      code: 'import jwt\n\ntoken = jwt.encode({"sub": user_id}, SECRET_KEY, algorithm="HS256")\n',
      errors: [
        { messageId: 'missingExpiry', line: 3, column: 9, endLine: 3, endColumn: 19, suggestions: [] },
      ],
    },
    {
      // The none algorithm.
      code: 'import jwt\n\ntoken = jwt.encode(payload, None, algorithm="none")\n',
      errors: [
        { messageId: 'noneAlgorithm', line: 3, column: 45, endLine: 3, endColumn: 51, suggestions: [] },
      ],
    },
    {
      code: 'import jwt\n\nALGORITHM = "none"\n\ndef sign(payload):\n    return jwt.encode(payload, "", algorithm=ALGORITHM)\n',
      errors: [
        { messageId: 'noneAlgorithm', line: 6, column: 46, endLine: 6, endColumn: 55, suggestions: [] },
      ],
    },
    {
      code: 'from authlib.jose import jwt\n\ntoken = jwt.encode({"alg": "none"}, payload, key)\n',
      errors: [
        { messageId: 'noneAlgorithm', line: 3, column: 28, endLine: 3, endColumn: 34, suggestions: [] },
      ],
    },
    {
      code: 'import jwt\n\nclaims = jwt.decode(token, SECRET_KEY, algorithms=["HS256", "none"])\n',
      errors: [
        { messageId: 'noneAccepted', line: 3, column: 61, endLine: 3, endColumn: 67,
          suggestions: [
            { messageId: 'removeNone', output: 'import jwt\n\nclaims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])\n' },
          ],
        },
      ],
    },
    {
      code: "from jose import jwt\n\nclaims = jwt.decode(token, key, algorithms=['none'])\n",
      errors: [
        { messageId: 'noneAccepted', line: 3, column: 45, endLine: 3, endColumn: 51, suggestions: [] },
      ],
    },
    {
      code: 'from authlib.jose import JsonWebToken\n\njwt = JsonWebToken(["RS256", "none"])\n',
      errors: [
        { messageId: 'noneAccepted', line: 3, column: 30, endLine: 3, endColumn: 36,
          suggestions: [
            { messageId: 'removeNone', output: 'from authlib.jose import JsonWebToken\n\njwt = JsonWebToken(["RS256"])\n' },
          ],
        },
      ],
    },
    {
      // Signature verification turned off.
      code: 'import jwt\n\ndef get_current_user(token: str = Depends(oauth2_scheme)):\n    payload = jwt.decode(token, options={"verify_signature": False})\n    return users.get(payload["sub"])\n',
      errors: [
        { messageId: 'signatureNotVerified', line: 4, column: 42, endLine: 4, endColumn: 67,
          suggestions: [
            { messageId: 'verifySignature', output: 'import jwt\n\ndef get_current_user(token: str = Depends(oauth2_scheme)):\n    payload = jwt.decode(token, options={"verify_signature": True})\n    return users.get(payload["sub"])\n' },
          ],
        },
      ],
    },
    {
      code: 'from jose import jwt\n\nclaims = jwt.decode(token, key, options={"verify_signature": False, "verify_aud": False})\n',
      errors: [
        { messageId: 'signatureNotVerified', line: 3, column: 42, endLine: 3, endColumn: 67,
          suggestions: [
            { messageId: 'verifySignature', output: 'from jose import jwt\n\nclaims = jwt.decode(token, key, options={"verify_signature": True, "verify_aud": False})\n' },
          ],
        },
      ],
    },
    {
      code: 'import jwt\n\nOPTIONS = {"verify_signature": False}\nclaims = jwt.decode(token, options=OPTIONS)\n',
      errors: [
        { messageId: 'signatureNotVerified', line: 3, column: 12, endLine: 3, endColumn: 37,
          suggestions: [
            { messageId: 'verifySignature', output: 'import jwt\n\nOPTIONS = {"verify_signature": True}\nclaims = jwt.decode(token, options=OPTIONS)\n' },
          ],
        },
      ],
    },
    {
      code: 'import jwt\n\nclaims = jwt.decode(token, verify=False)\n',
      errors: [
        { messageId: 'signatureNotVerified', line: 3, column: 28, endLine: 3, endColumn: 40,
          suggestions: [
            { messageId: 'verifySignature', output: 'import jwt\n\nclaims = jwt.decode(token, verify=True)\n' },
          ],
        },
      ],
    },
    {
      // Unverified claims trusted as the user.
      code: 'from jose import jwt\n\ndef get_current_user(token):\n    return jwt.get_unverified_claims(token)\n',
      errors: [
        { messageId: 'unverifiedDecode', line: 4, column: 12, endLine: 4, endColumn: 37, suggestions: [] },
      ],
    },
    {
      code: 'from jose import jwt\n\n@app.before_request\ndef load_user():\n    claims = jwt.get_unverified_claims(request.headers["Authorization"][7:])\n    g.user = User.query.get(claims["sub"])\n',
      errors: [
        { messageId: 'unverifiedDecode', line: 5, column: 14, endLine: 5, endColumn: 39, suggestions: [] },
      ],
    },
  ],
});
