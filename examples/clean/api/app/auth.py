from datetime import datetime, timedelta, timezone

import jwt
import requests

from .config import ACCESS_TOKEN_EXPIRE_MINUTES, ALGORITHM, EXCHANGE_API_KEY, SECRET_KEY

REFRESH_TOKEN_EXPIRE_DAYS = 7


def create_access_token(user_id: str) -> str:
    now = datetime.now(timezone.utc)
    expire = now + timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES)
    return jwt.encode({"sub": user_id, "exp": expire, "iat": now, "nbf": now}, SECRET_KEY, algorithm=ALGORITHM)


def current_user_id(token: str) -> str:
    claims = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    return claims["sub"]


def exchange_rate(currency: str) -> float:
    response = requests.get(
        "https://api.exchange.example.com/v1/latest",
        params={"base": currency},
        headers={"X-API-Key": EXCHANGE_API_KEY},
        timeout=10,
    )
    return response.json()["rate"]
