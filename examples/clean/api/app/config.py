import os

# Every secret comes from the environment (a secret manager injects it at deploy time).
SECRET_KEY = os.environ["JWT_SECRET_KEY"]
DEBUG = os.environ.get("DEBUG", "false").lower() == "true"
ALGORITHM = "HS256"
ACCESS_TOKEN_EXPIRE_MINUTES = 30

DATABASE_URL = os.environ["DATABASE_URL"]
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

STRIPE_API_KEY = os.environ["STRIPE_API_KEY"]
SENTRY_DSN = os.getenv("SENTRY_DSN")
EXCHANGE_API_KEY = os.environ["EXCHANGE_API_KEY"]
PASSWORD_FIELD = "password"
CORS_ALLOWED_ORIGINS = [origin for origin in os.getenv("CORS_ALLOWED_ORIGINS", "").split(",") if origin]
