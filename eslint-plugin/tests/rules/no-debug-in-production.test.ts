import rule from '../../src/rules/no-debug-in-production.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

const FROM_ENV = 'os.environ.get("DEBUG", "false").lower() == "true"';
const FLASK = 'from flask import Flask\n\napp = Flask(__name__)\n';

languageTester('python').run('no-debug-in-production', rule as never, {
  valid: [
    // Settings read from the environment, or off.
    { code: 'DEBUG = False\nALLOWED_HOSTS = ["example.com"]\n', filename: 'mysite/settings.py' },
    { code: 'import os\nDEBUG = os.getenv("DEBUG") == "1"\n', filename: 'mysite/settings.py' },
    { code: `import os\nDEBUG = ${FROM_ENV}\n`, filename: 'mysite/settings.py' },
    { code: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n', filename: 'config/settings/base.py' },
    { code: 'from decouple import config\nDEBUG = config("DEBUG", cast=bool)\n', filename: 'mysite/settings.py' },
    { code: 'DEBUG = "False"\n', filename: 'mysite/settings.py' },
    // Development and test settings may turn debug on.
    { code: 'from .base import *\nDEBUG = True\n', filename: 'mysite/settings/dev.py' },
    { code: 'from .base import *\nDEBUG = True\n', filename: 'mysite/settings/local.py' },
    { code: 'DEBUG = True\n', filename: 'mysite/settings_dev.py' },
    { code: 'DEBUG = True\n', filename: 'mysite/local_settings.py' },
    { code: 'DEBUG = True\n', filename: 'tests/settings.py' },
    { code: 'DEBUG = True\n', filename: 'conftest.py' },
    { code: 'DEBUG = True\n', filename: 'mysite/settings/test.py' },
    // A module-level DEBUG of a script is its own flag, not a framework's.
    { code: 'DEBUG = True\n\ndef log(message):\n    if DEBUG:\n        print(message)\n', filename: 'tools/scrape.py' },
    // A local variable inside a function.
    { code: 'def configure():\n    DEBUG = True\n    return DEBUG\n', filename: 'mysite/settings.py' },
    // Flask configuration classes: development and testing classes, or a base class production overrides.
    {
      code: 'class Config:\n    DEBUG = False\n\nclass DevelopmentConfig(Config):\n    DEBUG = True\n\nclass TestingConfig(Config):\n    TESTING = True\n    DEBUG = True\n',
      filename: 'app/config.py',
    },
    {
      code: 'class Config:\n    DEBUG = True\n\nclass ProductionConfig(Config):\n    DEBUG = False\n',
      filename: 'app/config.py',
    },
    { code: 'class Retry:\n    DEBUG = True\n', filename: 'app/retry.py' },
    // pydantic settings that default to off.
    {
      code: 'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    debug: bool = False\n',
      filename: 'app/core/config.py',
    },
    // The development server with debug from the environment or a setting, or off.
    { code: `${FLASK}app.run(debug=app.config["DEBUG"])\n`, filename: 'app.py' },
    { code: `import os\n${FLASK}app.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n`, filename: 'app.py' },
    { code: `${FLASK}app.run(host="0.0.0.0", port=8000)\n`, filename: 'app.py' },
    { code: `${FLASK}app.run(debug=False)\n`, filename: 'app.py' },
    // Guarded by an environment check.
    { code: `import os\n${FLASK}if os.environ.get("FLASK_ENV") == "development":\n    app.run(debug=True)\n`, filename: 'app.py' },
    { code: `from config import settings\n${FLASK}if settings.DEBUG:\n    app.config["DEBUG"] = True\n`, filename: 'app.py' },
    // Other libraries' run(debug=True).
    { code: 'import luigi\n\npipeline.run(debug=True)\n', filename: 'pipeline.py' },
    { code: `import asyncio\n${FLASK}asyncio.run(main(), debug=True)\n`, filename: 'app.py' },
    { code: 'import uvicorn\n\nuvicorn.run("app:app", reload=True)\n', filename: 'main.py' },
    // Other objects' debug attributes.
    { code: `${FLASK}class Client:\n    def __init__(self):\n        self.debug = True\n`, filename: 'app.py' },
    { code: `import smtplib\n${FLASK}mailer.debug = True\n`, filename: 'app.py' },
    { code: 'app.debug = True\n', filename: 'worker.py' },
    // Other settings.
    { code: `${FLASK}app.config["TESTING"] = True\napp.config["DEBUG"] = False\n`, filename: 'app.py' },
    { code: 'from fastapi import FastAPI\nfrom app.config import settings\n\napp = FastAPI(debug=settings.debug)\n', filename: 'main.py' },
    { code: 'from fastapi import FastAPI\n\napp = FastAPI(title="Shop")\n', filename: 'main.py' },
    // Template debug only acts with DEBUG on; logging at debug level is not debug mode.
    { code: 'DEBUG = False\nTEMPLATES = [{"OPTIONS": {"debug": True}}]\n', filename: 'mysite/settings.py' },
    { code: 'import logging\nlogging.basicConfig(level=logging.DEBUG)\nlogger.debug("x")\n', filename: 'mysite/settings.py' },
    // Examples are not test fixtures, but this one is a test.
    { code: `${FLASK}app.run(debug=True)\n`, filename: 'examples/flask/test_app.py' },
  ],
  invalid: [
    {
      code: 'DEBUG = True\nALLOWED_HOSTS = []\n',
      filename: 'mysite/settings.py',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'DEBUG = True' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
          suggestions: [
            { messageId: 'setOff', data: { value: 'False' }, output: 'DEBUG = False\nALLOWED_HOSTS = []\n' },
            { messageId: 'readEnvironment', data: { variable: 'DEBUG' }, output: `import os\nDEBUG = ${FROM_ENV}\nALLOWED_HOSTS = []\n` },
          ],
        },
      ],
    },
    {
      // A docstring stays first; an existing `import os` is used.
      code: '"""Production settings."""\nimport os\n\nDEBUG = True\n',
      filename: 'mysite/settings/production.py',
      errors: [
        {
          messageId: 'debugEnabled',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 13,
          suggestions: [
            { messageId: 'setOff', output: '"""Production settings."""\nimport os\n\nDEBUG = False\n' },
            { messageId: 'readEnvironment', output: `"""Production settings."""\nimport os\n\nDEBUG = ${FROM_ENV}\n` },
          ],
        },
      ],
    },
    {
      code: '"""Settings."""\nfrom os import environ\nDEBUG = TEMPLATE_DEBUG = 1\n',
      filename: 'mysite/settings.py',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'DEBUG = TEMPLATE_DEBUG = 1' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            { messageId: 'setOff', data: { value: '0' }, output: '"""Settings."""\nfrom os import environ\nDEBUG = TEMPLATE_DEBUG = 0\n' },
            {
              messageId: 'readEnvironment',
              output: '"""Settings."""\nfrom os import environ\nDEBUG = TEMPLATE_DEBUG = environ.get("DEBUG", "false").lower() == "true"\n',
            },
          ],
        },
      ],
    },
    {
      // An `import os` inside a function does not bind `os` for the module.
      code: 'def load():\n    import os\n    return os\n\nDEBUG = True\n',
      filename: 'mysite/settings.py',
      errors: [
        {
          messageId: 'debugEnabled',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 13,
          suggestions: [
            { messageId: 'setOff', output: 'def load():\n    import os\n    return os\n\nDEBUG = False\n' },
            { messageId: 'readEnvironment', output: `import os\ndef load():\n    import os\n    return os\n\nDEBUG = ${FROM_ENV}\n` },
          ],
        },
      ],
    },
    {
      // A Django settings module by what it sets, whatever its name.
      code: 'INSTALLED_APPS = ["shop"]\nDEBUG = True\n',
      filename: 'mysite/common.py',
      errors: [
        {
          messageId: 'debugEnabled',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 13,
          suggestions: [
            { messageId: 'setOff', output: 'INSTALLED_APPS = ["shop"]\nDEBUG = False\n' },
            { messageId: 'readEnvironment', output: `import os\nINSTALLED_APPS = ["shop"]\nDEBUG = ${FROM_ENV}\n` },
          ],
        },
      ],
    },
    {
      // Flask's development server under `if __name__ == "__main__":` still runs when the image starts `python app.py`.
      code: `${FLASK}if __name__ == "__main__":\n    app.run(debug=True)\n`,
      filename: 'app.py',
      errors: [
        {
          messageId: 'debugServer',
          data: { setting: 'app.run(debug=True)' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 23,
          suggestions: [
            { messageId: 'setOff', output: `${FLASK}if __name__ == "__main__":\n    app.run(debug=False)\n` },
            { messageId: 'readEnvironment', output: `from flask import Flask\nimport os\n\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(debug=${FROM_ENV})\n` },
          ],
        },
      ],
    },
    {
      code: 'from flask_socketio import SocketIO\n\nsocketio.run(app, host="0.0.0.0", debug=True)\n',
      filename: 'server.py',
      errors: [
        {
          messageId: 'debugServer',
          data: { setting: 'socketio.run(debug=True)' },
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 45,
          suggestions: [
            { messageId: 'setOff', output: 'from flask_socketio import SocketIO\n\nsocketio.run(app, host="0.0.0.0", debug=False)\n' },
            {
              messageId: 'readEnvironment',
              output: `from flask_socketio import SocketIO\nimport os\n\nsocketio.run(app, host="0.0.0.0", debug=${FROM_ENV})\n`,
            },
          ],
        },
      ],
    },
    {
      code: 'import dash\n\napp = dash.Dash(__name__)\napp.run_server(debug=True)\n',
      filename: 'dashboard.py',
      errors: [
        {
          messageId: 'debugServer',
          data: { setting: 'app.run_server(debug=True)' },
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            { messageId: 'setOff', output: 'import dash\n\napp = dash.Dash(__name__)\napp.run_server(debug=False)\n' },
            { messageId: 'readEnvironment', output: `import dash\nimport os\n\napp = dash.Dash(__name__)\napp.run_server(debug=${FROM_ENV})\n` },
          ],
        },
      ],
    },
    {
      code: 'import os\nfrom werkzeug.serving import run_simple\n\nrun_simple("0.0.0.0", 5000, app, use_debugger=True)\n',
      filename: 'serve.py',
      errors: [
        {
          messageId: 'debugServer',
          data: { setting: 'run_simple(use_debugger=True)' },
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 51,
          suggestions: [
            { messageId: 'setOff', output: 'import os\nfrom werkzeug.serving import run_simple\n\nrun_simple("0.0.0.0", 5000, app, use_debugger=False)\n' },
            {
              messageId: 'readEnvironment',
              output: `import os\nfrom werkzeug.serving import run_simple\n\nrun_simple("0.0.0.0", 5000, app, use_debugger=${FROM_ENV})\n`,
            },
          ],
        },
      ],
    },
    {
      code: `import os\n${FLASK}app.debug = True\n`,
      filename: 'app.py',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'app.debug = True' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 17,
          suggestions: [
            { messageId: 'setOff', output: `import os\n${FLASK}app.debug = False\n` },
            { messageId: 'readEnvironment', output: `import os\n${FLASK}app.debug = ${FROM_ENV}\n` },
          ],
        },
      ],
    },
    {
      code: `import os\n${FLASK}app.config["DEBUG"] = True\n`,
      filename: 'app.py',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'app.config["DEBUG"] = True' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            { messageId: 'setOff', output: `import os\n${FLASK}app.config["DEBUG"] = False\n` },
            { messageId: 'readEnvironment', output: `import os\n${FLASK}app.config["DEBUG"] = ${FROM_ENV}\n` },
          ],
        },
      ],
    },
    {
      code: `import os\n${FLASK}app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=True)\napp.config.from_mapping({"DEBUG": True})\n`,
      filename: 'app.py',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'app.config.update(DEBUG=True)' },
          line: 5,
          column: 56,
          endLine: 5,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'setOff',
              output: `import os\n${FLASK}app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=False)\napp.config.from_mapping({"DEBUG": True})\n`,
            },
            {
              messageId: 'readEnvironment',
              output: `import os\n${FLASK}app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=${FROM_ENV})\napp.config.from_mapping({"DEBUG": True})\n`,
            },
          ],
        },
        {
          messageId: 'debugEnabled',
          data: { setting: '"DEBUG": True' },
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'setOff',
              output: `import os\n${FLASK}app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=True)\napp.config.from_mapping({"DEBUG": False})\n`,
            },
            {
              messageId: 'readEnvironment',
              output: `import os\n${FLASK}app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=True)\napp.config.from_mapping({"DEBUG": ${FROM_ENV}})\n`,
            },
          ],
        },
      ],
    },
    {
      code: 'import os\nfrom fastapi import FastAPI\n\napp = FastAPI(title="Shop", debug=True)\n',
      filename: 'app/main.py',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'FastAPI(debug=True)' },
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 39,
          suggestions: [
            { messageId: 'setOff', output: 'import os\nfrom fastapi import FastAPI\n\napp = FastAPI(title="Shop", debug=False)\n' },
            { messageId: 'readEnvironment', output: `import os\nfrom fastapi import FastAPI\n\napp = FastAPI(title="Shop", debug=${FROM_ENV})\n` },
          ],
        },
      ],
    },
    {
      code: 'import os\nfrom starlette.applications import Starlette\n\napp = Starlette(debug=True, routes=routes)\n',
      filename: 'app.py',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'Starlette(debug=True)' },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            { messageId: 'setOff', output: 'import os\nfrom starlette.applications import Starlette\n\napp = Starlette(debug=False, routes=routes)\n' },
            {
              messageId: 'readEnvironment',
              output: `import os\nfrom starlette.applications import Starlette\n\napp = Starlette(debug=${FROM_ENV}, routes=routes)\n`,
            },
          ],
        },
      ],
    },
    {
      // The production class; the development class next to it is fine.
      code: 'import os\n\nclass DevelopmentConfig:\n    DEBUG = True\n\nclass ProductionConfig:\n    DEBUG = True\n',
      filename: 'app/config.py',
      errors: [
        {
          messageId: 'debugEnabled',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 17,
          suggestions: [
            { messageId: 'setOff', output: 'import os\n\nclass DevelopmentConfig:\n    DEBUG = True\n\nclass ProductionConfig:\n    DEBUG = False\n' },
            { messageId: 'readEnvironment', output: `import os\n\nclass DevelopmentConfig:\n    DEBUG = True\n\nclass ProductionConfig:\n    DEBUG = ${FROM_ENV}\n` },
          ],
        },
      ],
    },
    {
      // A base configuration class that nothing turns off.
      code: 'import os\n\nclass Config:\n    SECRET_KEY = os.environ["SECRET_KEY"]\n    DEBUG = True\n',
      filename: 'app/settings.py',
      errors: [
        {
          messageId: 'debugEnabled',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 17,
          suggestions: [
            { messageId: 'setOff', output: 'import os\n\nclass Config:\n    SECRET_KEY = os.environ["SECRET_KEY"]\n    DEBUG = False\n' },
            { messageId: 'readEnvironment', output: `import os\n\nclass Config:\n    SECRET_KEY = os.environ["SECRET_KEY"]\n    DEBUG = ${FROM_ENV}\n` },
          ],
        },
      ],
    },
    {
      // pydantic reads DEBUG from the environment itself: only the default changes.
      code: 'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    debug: bool = True\n',
      filename: 'app/core/config.py',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'debug: bool = True' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 23,
          suggestions: [
            { messageId: 'setOff', output: 'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    debug: bool = False\n' },
          ],
        },
      ],
    },
    {
      code: 'import os\nimport bottle\n\nbottle.debug(True)\n',
      filename: 'server.py',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'bottle.debug(True)' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 19,
          suggestions: [
            { messageId: 'setOff', output: 'import os\nimport bottle\n\nbottle.debug(False)\n' },
            { messageId: 'readEnvironment', output: `import os\nimport bottle\n\nbottle.debug(${FROM_ENV})\n` },
          ],
        },
      ],
    },
  ],
});

javascriptTester().run('no-debug-in-production', rule, {
  valid: [
    { code: 'import { ApolloServer } from "@apollo/server";\nnew ApolloServer({ typeDefs, resolvers });', filename: 'src/server.ts' },
    { code: 'new ApolloServer({ typeDefs, debug: false, includeStacktraceInErrorResponses: false });', filename: 'src/server.ts' },
    { code: "new ApolloServer({ typeDefs, debug: process.env.NODE_ENV !== 'production' });", filename: 'src/server.ts' },
    { code: "const debug = process.env.DEBUG === 'true';\nnew ApolloServer({ typeDefs, debug });", filename: 'src/server.ts' },
    { code: "let debug = true;\ndebug = process.env.DEBUG === 'true';\nnew ApolloServer({ typeDefs, debug });", filename: 'src/server.ts' },
    {
      code: "if (process.env.NODE_ENV === 'development') {\n  server = new ApolloServer({ typeDefs, debug: true });\n}",
      filename: 'src/server.ts',
    },
    { code: "const server = isDev ? new ApolloServer({ typeDefs, debug: true }) : new ApolloServer({ typeDefs });", filename: 'src/server.ts' },
    // Other libraries' debug options log; they do not answer with stack traces.
    { code: 'const db = knex({ client: "pg", debug: true });\nconst log = new Logger({ debug: true });', filename: 'src/db.ts' },
    { code: 'GraphQLModule.forRoot({ driver: ApolloDriver, debug: false, playground: true });', filename: 'src/app.module.ts' },
    // Express settings that do not force development.
    { code: "const express = require('express');\nconst app = express();\napp.set('env', 'production');\napp.set('view engine', 'pug');", filename: 'src/app.js' },
    { code: "import express from 'express';\nconst app = express();\napp.set('env', process.env.NODE_ENV);", filename: 'src/app.ts' },
    { code: "const settings = new Map();\nsettings.set('env', 'development');", filename: 'src/settings.js' },
    // Tests and development files.
    { code: 'new ApolloServer({ typeDefs, debug: true });', filename: 'src/server.test.ts' },
    { code: 'new ApolloServer({ typeDefs, debug: true });', filename: 'test/helpers/server.ts' },
    { code: 'new ApolloServer({ typeDefs, debug: true });', filename: 'src/server.dev.ts' },
  ],
  invalid: [
    {
      code: 'import { ApolloServer } from "@apollo/server";\nconst server = new ApolloServer({ typeDefs, resolvers, debug: true });',
      filename: 'src/server.ts',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'debug: true' },
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'setOff',
              output: 'import { ApolloServer } from "@apollo/server";\nconst server = new ApolloServer({ typeDefs, resolvers, debug: false });',
            },
            {
              messageId: 'onlyOutsideProduction',
              output:
                'import { ApolloServer } from "@apollo/server";\nconst server = new ApolloServer({ typeDefs, resolvers, debug: process.env.NODE_ENV !== \'production\' });',
            },
          ],
        },
      ],
    },
    {
      // Apollo Server 4's name for it; options kept in a constant.
      code: 'const options = { typeDefs, includeStacktraceInErrorResponses: true };\nconst server = new apollo.ApolloServer(options);',
      filename: 'src/server.ts',
      errors: [
        {
          messageId: 'debugEnabled',
          data: { setting: 'includeStacktraceInErrorResponses: true' },
          line: 1,
          column: 29,
          endLine: 1,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'setOff',
              output: 'const options = { typeDefs, includeStacktraceInErrorResponses: false };\nconst server = new apollo.ApolloServer(options);',
            },
            {
              messageId: 'onlyOutsideProduction',
              output:
                "const options = { typeDefs, includeStacktraceInErrorResponses: process.env.NODE_ENV !== 'production' };\nconst server = new apollo.ApolloServer(options);",
            },
          ],
        },
      ],
    },
    {
      code: 'const debug = true;\nconst server = new ApolloServer({ typeDefs, debug });',
      filename: 'src/server.ts',
      errors: [
        {
          messageId: 'debugEnabled',
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            { messageId: 'setOff', output: 'const debug = true;\nconst server = new ApolloServer({ typeDefs, debug: false });' },
            {
              messageId: 'onlyOutsideProduction',
              output: "const debug = true;\nconst server = new ApolloServer({ typeDefs, debug: process.env.NODE_ENV !== 'production' });",
            },
          ],
        },
      ],
    },
    {
      code: '@Module({ imports: [GraphQLModule.forRoot({ driver: ApolloDriver, debug: true })] })\nexport class AppModule {}',
      filename: 'src/app.module.ts',
      errors: [
        {
          messageId: 'debugEnabled',
          line: 1,
          column: 67,
          endLine: 1,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'setOff',
              output: '@Module({ imports: [GraphQLModule.forRoot({ driver: ApolloDriver, debug: false })] })\nexport class AppModule {}',
            },
            {
              messageId: 'onlyOutsideProduction',
              output:
                "@Module({ imports: [GraphQLModule.forRoot({ driver: ApolloDriver, debug: process.env.NODE_ENV !== 'production' })] })\nexport class AppModule {}",
            },
          ],
        },
      ],
    },
    {
      code: "const express = require('express');\nconst app = express();\napp.set('env', 'development');\napp.listen(3000);",
      filename: 'src/app.js',
      errors: [
        {
          messageId: 'forcedDevelopment',
          data: { setting: "app.set('env', 'development')" },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 30,
          suggestions: [{ messageId: 'removeCall', output: "const express = require('express');\nconst app = express();\napp.listen(3000);" }],
        },
      ],
    },
  ],
});

languageTester('env').run('no-debug-in-production', rule as never, {
  valid: [
    'DEBUG=false\nFLASK_DEBUG=0\nAPP_DEBUG=\n',
    // The debug package's namespaces are logging, not debug mode.
    'DEBUG=express:*\nDEBUG=app:*,-app:noisy\n',
    'DEBUG=${DEBUG}\nLOG_LEVEL=debug\nSQL_DEBUG=true\n',
    '# DEBUG=true\n',
    // NODE_ENV=development only counts in a production file.
    'NODE_ENV=development\n',
    { code: 'NODE_ENV=production\nRAILS_ENV=production\n', filename: '.env.production' },
    // Development, test and template files.
    { code: 'DEBUG=true\nNODE_ENV=development\n', filename: '.env.development' },
    { code: 'DEBUG=true\n', filename: '.env.local' },
    { code: 'DEBUG=true\n', filename: '.env.production.local' },
    { code: 'DEBUG=true\n', filename: '.env.test' },
    { code: 'DEBUG=true\n', filename: '.env.example' },
    { code: 'DEBUG=true\n', filename: 'dev.env' },
  ],
  invalid: [
    {
      code: 'SECRET_KEY=${SECRET_KEY}\nDEBUG=true\n',
      filename: '.env',
      errors: [
        {
          messageId: 'debugVariable',
          data: { setting: 'DEBUG=true', off: 'false' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 11,
          suggestions: [{ messageId: 'setOff', data: { value: 'false' }, output: 'SECRET_KEY=${SECRET_KEY}\nDEBUG=false\n' }],
        },
      ],
    },
    {
      code: 'FLASK_DEBUG=1\n',
      filename: 'deploy/app.env',
      errors: [
        {
          messageId: 'debugVariable',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 14,
          suggestions: [{ messageId: 'setOff', data: { value: '0' }, output: 'FLASK_DEBUG=0\n' }],
        },
      ],
    },
    {
      code: 'APP_DEBUG="True" # Laravel\nexport DJANGO_DEBUG=yes\n',
      filename: '.env.production',
      errors: [
        {
          messageId: 'debugVariable',
          data: { setting: 'APP_DEBUG=True', off: 'False' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 17,
          suggestions: [{ messageId: 'setOff', output: 'APP_DEBUG="False" # Laravel\nexport DJANGO_DEBUG=yes\n' }],
        },
        {
          messageId: 'debugVariable',
          data: { setting: 'DJANGO_DEBUG=yes', off: 'no' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 24,
          suggestions: [{ messageId: 'setOff', output: 'APP_DEBUG="True" # Laravel\nexport DJANGO_DEBUG=no\n' }],
        },
      ],
    },
    {
      code: 'FLASK_ENV=development\n',
      errors: [
        {
          messageId: 'debugVariable',
          data: { setting: 'FLASK_ENV=development', off: 'production' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 22,
          suggestions: [{ messageId: 'setOff', output: 'FLASK_ENV=production\n' }],
        },
      ],
    },
    {
      code: 'NODE_ENV=development\n',
      filename: '.env.prod',
      errors: [
        {
          messageId: 'developmentEnvironment',
          data: { setting: 'NODE_ENV=development' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 21,
          suggestions: [{ messageId: 'setProduction', output: 'NODE_ENV=production\n' }],
        },
      ],
    },
  ],
});

const compose = (environment: string) => `services:\n  web:\n    image: shop:1.4\n    environment:\n${environment}`;
const deployment = (env: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: shop:1.4\n          env:\n${env}`;

languageTester('yaml').run('no-debug-in-production', rule as never, {
  valid: [
    { code: compose('      DEBUG: "false"\n      NODE_ENV: development\n'), filename: 'docker-compose.yml' },
    { code: compose('      DEBUG: ${DEBUG:-false}\n      DJANGO_DEBUG:\n'), filename: 'docker-compose.yml' },
    { code: compose('      - DEBUG=${DEBUG}\n      - FLASK_DEBUG\n      - DEBUG=app:*\n'), filename: 'compose.yaml' },
    // Development compose files.
    { code: compose('      DEBUG: "true"\n'), filename: 'docker-compose.override.yml' },
    { code: compose('      DEBUG: "true"\n'), filename: 'compose.dev.yml' },
    { code: compose('      DEBUG: "true"\n'), filename: 'docker-compose.local.yml' },
    { code: compose('      DEBUG: "true"\n'), filename: '.devcontainer/docker-compose.yml' },
    // Kubernetes: from a Secret or ConfigMap reference, or off.
    { code: deployment('            - name: DEBUG\n              valueFrom:\n                configMapKeyRef: {name: shop, key: debug}\n'), filename: 'k8s/deployment.yaml' },
    { code: deployment('            - name: DEBUG\n              value: "false"\n'), filename: 'k8s/deployment.yaml' },
    { code: deployment('            - name: DEBUG\n              value: "true"\n'), filename: 'k8s/overlays/dev/deployment.yaml' },
    // YAML that is not a deployment's environment.
    { code: 'debug: true\nlogLevel: debug\n', filename: 'helm/values.yaml' },
    { code: 'on: push\nenv:\n  DEBUG: true\njobs: {}\n', filename: '.github/workflows/release.yml' },
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\ndata:\n  DEBUG: "false"\n', filename: 'k8s/configmap.yaml' },
  ],
  invalid: [
    {
      code: compose('      DEBUG: "true"\n'),
      filename: 'docker-compose.yml',
      errors: [
        {
          messageId: 'debugVariable',
          data: { setting: 'DEBUG=true', off: 'false' },
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 20,
          suggestions: [{ messageId: 'setOff', output: compose('      DEBUG: "false"\n') }],
        },
      ],
    },
    {
      code: compose('      - DEBUG=1\n      - "FLASK_DEBUG=True"\n'),
      filename: 'docker-compose.yml',
      errors: [
        {
          messageId: 'debugVariable',
          data: { setting: 'DEBUG=1', off: '0' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 16,
          suggestions: [{ messageId: 'setOff', output: compose('      - DEBUG=0\n      - "FLASK_DEBUG=True"\n') }],
        },
        {
          messageId: 'debugVariable',
          data: { setting: 'FLASK_DEBUG=True', off: 'False' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 27,
          suggestions: [{ messageId: 'setOff', output: compose('      - DEBUG=1\n      - "FLASK_DEBUG=False"\n') }],
        },
      ],
    },
    {
      // Through a `<<` merge: reported where the value is written.
      code: 'x-env: &env\n  APP_DEBUG: true\nservices:\n  web:\n    image: shop:1.4\n    environment:\n      <<: *env\n',
      filename: 'docker-compose.yml',
      errors: [
        {
          messageId: 'debugVariable',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 18,
          suggestions: [
            { messageId: 'setOff', output: 'x-env: &env\n  APP_DEBUG: false\nservices:\n  web:\n    image: shop:1.4\n    environment:\n      <<: *env\n' },
          ],
        },
      ],
    },
    {
      code: compose('      NODE_ENV: development\n'),
      filename: 'docker-compose.prod.yml',
      errors: [
        {
          messageId: 'developmentEnvironment',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 28,
          suggestions: [{ messageId: 'setProduction', output: compose('      NODE_ENV: production\n') }],
        },
      ],
    },
    {
      code: deployment('            - name: DJANGO_DEBUG\n              value: "True"\n'),
      filename: 'k8s/deployment.yaml',
      errors: [
        {
          messageId: 'debugVariable',
          data: { setting: 'DJANGO_DEBUG=True', off: 'False' },
          line: 13,
          column: 22,
          endLine: 13,
          endColumn: 28,
          suggestions: [{ messageId: 'setOff', output: deployment('            - name: DJANGO_DEBUG\n              value: "False"\n') }],
        },
      ],
    },
    {
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\ndata:\n  FLASK_DEBUG: "1"\n',
      filename: 'k8s/configmap.yaml',
      errors: [
        {
          messageId: 'debugVariable',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 19,
          suggestions: [{ messageId: 'setOff', output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\ndata:\n  FLASK_DEBUG: "0"\n' }],
        },
      ],
    },
  ],
});
