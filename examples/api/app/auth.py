from datetime import datetime, timedelta, timezone

import jwt
import requests

from .config import ALGORITHM, EXCHANGE_API_KEY, SECRET_KEY

REFRESH_TOKEN_EXPIRE_DAYS = 30


def create_access_token(user_id: str) -> str:
    expire = datetime.now(timezone.utc) + timedelta(days=1)
    return jwt.encode({"sub": user_id, "exp": expire}, SECRET_KEY, algorithm=ALGORITHM)


def current_user_id(token: str) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def exchange_rate(currency: str) -> float:
    response = requests.get(f"https://api.exchange.example.com/v1/latest?base={currency}&api_key={EXCHANGE_API_KEY}")
    return response.json()["rate"]
