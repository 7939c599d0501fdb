# FIXTURE: fake credentials for Hardening's tests. Nothing here is a real secret.
import os

# JWT signing key with a hardcoded fallback: the fallback ships to production
# whenever the variable is missing.
SECRET_KEY = os.getenv("JWT_SECRET_KEY", "dev-secret-do-not-use-9f8e7d")
DEBUG = True
ALGORITHM = "HS256"
ACCESS_TOKEN_EXPIRE_MINUTES = 30

DATABASE_URL = "postgresql://shop:Kx9mQ2vLr7TzW4@db.internal:5432/shop?sslmode=require"
REDIS_URL = os.environ.get("REDIS_URL", "redis://cache.internal:6379/0")

STRIPE_API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dcFAKE0000"
SENTRY_DSN = os.getenv("SENTRY_DSN")
EXCHANGE_API_KEY = os.environ["EXCHANGE_API_KEY"]
PASSWORD_FIELD = "password"
