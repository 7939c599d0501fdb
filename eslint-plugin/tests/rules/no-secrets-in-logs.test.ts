import rule from '../../src/rules/no-secrets-in-logs.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('no-secrets-in-logs', rule, {
  valid: [
    // Messages that only mention a secret.
    'console.log("Invalid password");',
    'logger.warn("Missing API key");',
    'console.log("Token refreshed for user", user.id);',
    'logger.info("login_attempt", { userId: user.id, ip: req.ip, userAgent: req.headers["user-agent"], success: true });',
    // Names that refer to a secret without holding it.
    'console.log(tokenCount, tokenType, tokenizer, hasToken, isPasswordValid, passwordLength);',
    'console.log(passwordHash, secretName, tokenExpiresAt, passwordResetRequested, tokenUrl, privateKeyPath, secretArn);',
    'console.log(maskedToken, redactedPassword, tokenPreview, hashedPassword, passwordInput);',
    'this.logger.log(`Created API key ${apiKey.id} for ${user.id}`);',
    'logger.info({ token: tokenId, user: user.id });',
    'logger.info({ password: hashed, token: expiresAt, apiKey: id });',
    'console.log(credentials.username, getTokenCount());',
    // Masked, derived or boolean values.
    'console.log(password.length, !!token, typeof token, token ? "present" : "missing");',
    'console.log(mask(token), redact(password), token.slice(0, 4), `${token.substring(0, 6)}…`);',
    'console.log("*".repeat(password.length), token[0]);',
    'logger.debug({ hasToken: Boolean(accessToken) });',
    'debug("auth header present: %s", Boolean(req.headers.authorization));',
    'console.log(token && mask(token));',
    'logger.info({ token: "[REDACTED]" });',
    // Constants from this file, environment names, harmless parts of a request.
    'const TOKEN_HEADER = "Authorization";\nconsole.log("reading", TOKEN_HEADER);',
    'const REDIS_URL = "redis://localhost:6379";\nconsole.log(REDIS_URL);',
    'console.log(Object.keys(process.env));',
    'console.log(process.env.NODE_ENV, process.env.PORT, process.env.PWD);',
    'logger.info(`Listening on ${process.env.PORT}`);',
    'console.log(req.headers["user-agent"], req.headers.host, req.body.email);',
    'console.log(`Connecting to ${dbHost}:${dbPort}`, SENTRY_DSN, pwd);',
    // Loop items: lexer tokens, list entries.
    'for (const token of tokens) console.log(token.type, token);',
    'tokens.forEach((token) => console.log(token));',
    // Blockchain tokens are not credentials.
    'import { ethers } from "ethers";\nconsole.log(token);',
    // Not log calls.
    'Math.log(token);',
    'toast.error(passwordError);',
    'form.setError("password", password);',
    'res.json({ token });',
    'localStorage.setItem("token", token);',
    'history.push(password);',
    // Options.
    { code: 'console.log(publicToken);', options: [{ ignoreNames: ['^publicToken$'] }] },
  ],
  invalid: [
    {
      code: 'console.log(password);',
      errors: [
        {
          messageId: 'secretInLog',
          data: { kind: 'a password', expression: 'password' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 21,
        },
      ],
    },
    {
      code: 'logger.info(`Issued token ${accessToken} for ${user.id}`);',
      errors: [{ messageId: 'secretInLog', data: { kind: 'an access token', expression: 'accessToken' }, line: 1, column: 29, endLine: 1, endColumn: 40 }],
    },
    {
      code: 'console.log("pw: " + user.password);',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a password', expression: 'user.password' }, line: 1, column: 22, endLine: 1, endColumn: 35 }],
    },
    {
      code: 'this.logger.debug("auth", { authorization: req.headers.authorization });',
      errors: [
        {
          messageId: 'secretInLog',
          data: { kind: 'the Authorization header', expression: 'req.headers.authorization' },
          line: 1,
          column: 44,
          endLine: 1,
          endColumn: 69,
        },
      ],
    },
    {
      code: 'console.log(req.headers);',
      errors: [{ messageId: 'headersInLog', data: { expression: 'req.headers' }, line: 1, column: 13, endLine: 1, endColumn: 24 }],
    },
    {
      code: 'logger.debug(JSON.stringify(process.env));',
      errors: [{ messageId: 'environmentInLog', data: { expression: 'process.env' }, line: 1, column: 29, endLine: 1, endColumn: 40 }],
    },
    {
      code: 'logger.info("database", process.env.DATABASE_URL);',
      errors: [{ messageId: 'connectionUrlInLog', data: { expression: 'process.env.DATABASE_URL' }, line: 1, column: 25, endLine: 1, endColumn: 49 }],
    },
    {
      // The key says what a neutral variable holds.
      code: 'logger.info({ token: t }, "issued");',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a token', expression: 't' }, line: 1, column: 22, endLine: 1, endColumn: 23 }],
    },
    {
      code: 'logger.child({ apiKey }).info("client ready");',
      errors: [{ messageId: 'secretInLog', data: { kind: 'an API key', expression: 'apiKey' }, line: 1, column: 16, endLine: 1, endColumn: 22 }],
    },
    {
      code: 'debug("bearer %s", req.get("Authorization"));',
      errors: [{ messageId: 'secretInLog', data: { kind: 'the Authorization header', expression: 'req.get("Authorization")' }, line: 1, column: 20, endLine: 1, endColumn: 44 }],
    },
    {
      code: 'console.log(authHeader.split(" ")[1]);',
      errors: [{ messageId: 'secretInLog', data: { kind: 'the Authorization header', expression: 'authHeader' }, line: 1, column: 13, endLine: 1, endColumn: 23 }],
    },
    {
      code: 'console.log(await getAccessToken());',
      errors: [{ messageId: 'secretInLog', data: { kind: 'an access token', expression: 'getAccessToken()' }, line: 1, column: 19, endLine: 1, endColumn: 35 }],
    },
    {
      code: 'console.log(localStorage.getItem("refresh_token"));',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a refresh token', expression: 'localStorage.getItem("refresh_token")' }, line: 1, column: 13, endLine: 1, endColumn: 50 }],
    },
    {
      code: 'console.log(token?.value);',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a token', expression: 'token?.value' }, line: 1, column: 13, endLine: 1, endColumn: 25 }],
    },
    {
      code: 'console.log(document.cookie);',
      errors: [{ messageId: 'secretInLog', data: { kind: 'the cookies', expression: 'document.cookie' }, line: 1, column: 13, endLine: 1, endColumn: 28 }],
    },
    {
      code: 'console.log("secret:", config.jwtSecret);',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a secret', expression: 'config.jwtSecret' }, line: 1, column: 24, endLine: 1, endColumn: 40 }],
    },
    {
      // The password of a URL built in the log call.
      code: 'console.log(`postgres://${user}:${p}@${host}/app`);',
      errors: [{ messageId: 'connectionUrlInLog', data: { expression: '`postgres://${user}:${p}@${host}/app`' }, line: 1, column: 35, endLine: 1, endColumn: 36 }],
    },
    {
      // A URL built with a password, then logged.
      code: 'const url = `redis://:${redisPassword}@${host}:6379`;\nlogger.info(`connecting to ${url}`);',
      errors: [{ messageId: 'connectionUrlInLog', data: { expression: 'url' }, line: 2, column: 30, endLine: 2, endColumn: 33 }],
    },
    {
      code: 'console.log("login", username, password, apiKey);',
      errors: [
        { messageId: 'secretInLog', data: { kind: 'a password', expression: 'password' }, line: 1, column: 32, endLine: 1, endColumn: 40 },
        { messageId: 'secretInLog', data: { kind: 'an API key', expression: 'apiKey' }, line: 1, column: 42, endLine: 1, endColumn: 48 },
      ],
    },
    {
      code: 'audit.record("key rotated", apiKey);',
      options: [{ extraSinks: ['audit.record'] }],
      errors: [{ messageId: 'secretInLog', line: 1, column: 29, endLine: 1, endColumn: 35 }],
    },
  ],
});

languageTester('python').run('no-secrets-in-logs', rule as never, {
  valid: [
    // The guide's own audit log example.
    'security_logger.info(\n    "login_attempt",\n    extra={\n        "user_id": user_id,\n        "ip_address": request.client.host,\n        "user_agent": request.headers.get("user-agent"),\n        "success": True,\n    },\n)\n',
    // Messages that only mention a secret.
    'print("Invalid password")\n',
    'logger.warning("missing %s", "API_KEY")\n',
    'logger.info("Token refreshed for user %s", user.id)\n',
    // Names that refer to a secret without holding it.
    'print(token_count, tokenizer, token_type, has_token, is_password_valid, password_hash, secret_name, password_length)\n',
    'print(password_reset_requested, token_expires_at, masked_token, hashed_password)\n',
    'logger.info("issued", extra={"token_id": token.id})\n',
    'log.info("issued", token_type="bearer")\n',
    // Masked, derived or boolean values.
    'print(len(password), token[:4], mask(token), redact(token), "*" * len(password), bool(token))\n',
    'logger.debug(f"Validating token: {token[:20]}...")\n',
    'logger.debug("token %s", "present" if token else "missing")\n',
    'print(token and mask(token))\n',
    'print(engine.url.render_as_string(hide_password=True))\n',
    // Constants, environment names, harmless parts of a request.
    'TOKEN_HEADER = "Authorization"\nprint(TOKEN_HEADER)\n',
    'print(list(os.environ), os.environ.keys())\n',
    'print(os.environ.get("HOME"), os.getenv("DEBUG"), os.environ["PWD"], pwd)\n',
    'logging.info("user agent %s", request.headers.get("User-Agent"))\n',
    'print(f"{user.email} logged in", settings.DEBUG, redis_host)\n',
    // Loop items and lexer tokens.
    'for token in tokens:\n    print(token)\n',
    'import tokenize\n\ndef show(token):\n    print(token)\n',
    // A key-generation script prints the key it made for its operator.
    'print(secrets.token_hex(32))\n',
    // Not log calls.
    'math.log(token)\n',
    'np.log(secret_value)\n',
    'response.set_cookie("token", token)\n',
    'logger.exception("failed", exc_info=True)\n',
  ],
  invalid: [
    {
      code: 'print(password)\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a password', expression: 'password' }, line: 1, column: 7, endLine: 1, endColumn: 15 }],
    },
    {
      code: 'logger.info(f"token={access_token!r}")\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'an access token', expression: 'access_token' }, line: 1, column: 22, endLine: 1, endColumn: 34 }],
    },
    {
      code: 'logging.debug("pw=%s" % user.password)\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a password', expression: 'user.password' }, line: 1, column: 25, endLine: 1, endColumn: 38 }],
    },
    {
      code: 'logging.info("key %s", settings.SECRET_KEY)\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a secret key', expression: 'settings.SECRET_KEY' }, line: 1, column: 24, endLine: 1, endColumn: 43 }],
    },
    {
      // structlog: keyword arguments are logged fields, and the keyword names a neutral variable.
      code: 'log = structlog.get_logger()\nlog.info("issued", token=t, user_id=uid)\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a token', expression: 't' }, line: 2, column: 26, endLine: 2, endColumn: 27 }],
    },
    {
      code: 'logger.bind(api_key=api_key).info("ready")\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'an API key', expression: 'api_key' }, line: 1, column: 21, endLine: 1, endColumn: 28 }],
    },
    {
      code: 'security_logger.info("login_attempt", extra={"user_id": user_id, "password": password})\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a password', expression: 'password' }, line: 1, column: 78, endLine: 1, endColumn: 86 }],
    },
    {
      code: 'print(request.headers)\n',
      errors: [{ messageId: 'headersInLog', data: { expression: 'request.headers' }, line: 1, column: 7, endLine: 1, endColumn: 22 }],
    },
    {
      code: 'print(request.COOKIES)\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'the cookies', expression: 'request.COOKIES' }, line: 1, column: 7, endLine: 1, endColumn: 22 }],
    },
    {
      code: 'logger.debug("env: %s", dict(os.environ))\n',
      errors: [{ messageId: 'environmentInLog', data: { expression: 'os.environ' }, line: 1, column: 30, endLine: 1, endColumn: 40 }],
    },
    {
      code: 'print(os.getenv("DATABASE_URL"))\n',
      errors: [{ messageId: 'connectionUrlInLog', data: { expression: 'os.getenv("DATABASE_URL")' }, line: 1, column: 7, endLine: 1, endColumn: 32 }],
    },
    {
      code: 'self.logger.warning("auth %s", request.headers.get("Authorization"))\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'the Authorization header', expression: 'request.headers.get("Authorization")' }, line: 1, column: 32, endLine: 1, endColumn: 68 }],
    },
    {
      code: 'print(request.headers["Authorization"])\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'the Authorization header', expression: 'request.headers["Authorization"]' }, line: 1, column: 7, endLine: 1, endColumn: 39 }],
    },
    {
      code: 'print(f"postgresql://{user}:{p}@{host}/db")\n',
      errors: [{ messageId: 'connectionUrlInLog', data: { expression: 'f"postgresql://{user}:{p}@{host}/db"' }, line: 1, column: 30, endLine: 1, endColumn: 31 }],
    },
    {
      code: 'print("Token: {}".format(api_key))\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'an API key', expression: 'api_key' }, line: 1, column: 26, endLine: 1, endColumn: 33 }],
    },
    {
      code: 'logging.getLogger(__name__).error("x %s", client_secret)\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a client secret', expression: 'client_secret' }, line: 1, column: 43, endLine: 1, endColumn: 56 }],
    },
    {
      code: 'logger.info("auth {}", auth_header.split()[1])\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'the Authorization header', expression: 'auth_header' }, line: 1, column: 24, endLine: 1, endColumn: 35 }],
    },
    {
      code: 'token = auth_header.split(" ")[1]\napp.logger.debug(f"token: {token}")\n',
      errors: [{ messageId: 'secretInLog', data: { kind: 'a token', expression: 'token' }, line: 2, column: 28, endLine: 2, endColumn: 33 }],
    },
    {
      code: 'audit.record("rotated", api_key)\n',
      options: [{ extraSinks: ['audit.record'] }],
      errors: [{ messageId: 'secretInLog', line: 1, column: 25, endLine: 1, endColumn: 32 }],
    },
  ],
});
