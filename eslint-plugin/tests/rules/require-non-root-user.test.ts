import rule from '../../src/rules/require-non-root-user.js';
import { languageTester } from '../rule-testers.js';

const CREATE_DEBIAN_USER = 'RUN groupadd --system app && useradd --system --gid app --no-create-home app';

languageTester('dockerfile').run('require-non-root-user', rule as never, {
  valid: [
    'FROM python:3.11-slim\nRUN pip install app\nUSER app\nCMD ["app"]\n',
    'FROM node:20\nUSER 1000:1000\nCMD ["node", "server.js"]\n',
    'FROM node:20\nUSER node\n',
    // Only the final stage matters: the build stage may run as root.
    'FROM golang:1.22 AS build\nRUN go build -o /app\n\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER nobody\nCMD ["/app"]\n',
    // A stage built FROM an earlier stage inherits its USER.
    'FROM python:3.11 AS base\nUSER app\n\nFROM base\nCMD ["python", "app.py"]\n',
    // Images published to run as non-root.
    'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n',
    'FROM cgr.dev/chainguard/python:latest-nonroot\nCMD ["app"]\n',
    {
      code: 'FROM registry.example.com/hardened/python:3.11\nCMD ["app"]\n',
      options: [{ allowedBaseImages: ['^registry\\.example\\.com/hardened/'] }],
    },
    // Root for installation, then back to the app user.
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\nCMD ["app"]\n',
    // USER through a build argument whose default is not root.
    'ARG APP_USER=app\nFROM python:3.11\nARG APP_USER\nUSER ${APP_USER}\n',
    // Half-typed and empty files do not produce findings.
    '',
    '# just a comment\n',
    'RUN echo no from yet\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.11-slim\nRUN pip install app\nCMD ["app"]\n',
      errors: [
        {
          messageId: 'noUser',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addSystemUser',
              output: `FROM python:3.11-slim\nRUN pip install app\n${CREATE_DEBIAN_USER}\nUSER app\nCMD ["app"]\n`,
            },
            {
              messageId: 'switchToNumericUser',
              output: 'FROM python:3.11-slim\nRUN pip install app\nUSER 10001:10001\nCMD ["app"]\n',
            },
          ],
        },
      ],
    },
    {
      // Multi-stage: the final stage has no USER; the report sits on its FROM.
      code: 'FROM node:20 AS build\nUSER node\nRUN npm ci\n\nFROM node:20-alpine\nCOPY --from=build /app /app\nENTRYPOINT ["node", "/app/server.js"]\n',
      errors: [
        {
          messageId: 'noUser',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addSystemUser',
              output:
                'FROM node:20 AS build\nUSER node\nRUN npm ci\n\nFROM node:20-alpine\nCOPY --from=build /app /app\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nENTRYPOINT ["node", "/app/server.js"]\n',
            },
            {
              messageId: 'switchToNumericUser',
              output:
                'FROM node:20 AS build\nUSER node\nRUN npm ci\n\nFROM node:20-alpine\nCOPY --from=build /app /app\nUSER 10001:10001\nENTRYPOINT ["node", "/app/server.js"]\n',
            },
          ],
        },
      ],
    },
    {
      // Switched to root for a step and never back.
      code: 'FROM python:3.11\nUSER app\nRUN pip install --user app\nUSER root\nCMD ["app"]\n',
      errors: [
        {
          messageId: 'rootUser',
          data: { user: 'root' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'switchBackToUser',
              output: 'FROM python:3.11\nUSER app\nRUN pip install --user app\nUSER root\nUSER app\nCMD ["app"]\n',
            },
            {
              messageId: 'addSystemUser',
              output: `FROM python:3.11\nUSER app\nRUN pip install --user app\nUSER root\n${CREATE_DEBIAN_USER}\nUSER app\nCMD ["app"]\n`,
            },
            {
              messageId: 'switchToNumericUser',
              output: 'FROM python:3.11\nUSER app\nRUN pip install --user app\nUSER root\nUSER 10001:10001\nCMD ["app"]\n',
            },
          ],
        },
      ],
    },
    {
      // UID 0 with a group, at the end of the file (no CMD): insert after it.
      code: 'FROM scratch\nCOPY app /app\nUSER 0:0',
      errors: [
        {
          messageId: 'rootUser',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
          suggestions: [
            { messageId: 'switchToNumericUser', output: 'FROM scratch\nCOPY app /app\nUSER 0:0\nUSER 10001:10001' },
          ],
        },
      ],
    },
    {
      // Inherited root from an earlier stage.
      code: 'FROM ubuntu:24.04 AS base\nUSER root\n\nFROM base\nCMD ["bash"]\n',
      errors: [{ messageId: 'rootUser', line: 2, suggestions: 2 }],
    },
    {
      // A build argument that resolves to root.
      code: 'ARG RUN_AS=root\nFROM python:3.11\nARG RUN_AS\nUSER $RUN_AS\n',
      errors: [{ messageId: 'rootUser', line: 4, suggestions: 2 }],
    },
  ],
});
