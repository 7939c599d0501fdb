import random
import secrets


def generate_api_key() -> str:
    return secrets.token_urlsafe(32)


def backoff_delay(attempt: int) -> float:
    return 2 ** attempt + random.uniform(0, 1)
