from fastapi import FastAPI, Response
from fastapi.middleware.cors import CORSMiddleware

from .auth import create_access_token
from .config import CORS_ALLOWED_ORIGINS

app = FastAPI(title="shop-api")

app.add_middleware(
    CORSMiddleware,
    allow_origins=CORS_ALLOWED_ORIGINS,
    allow_credentials=True,
    allow_methods=["GET", "POST", "PUT", "DELETE"],
)


@app.post("/api/v1/auth/login")
def login(response: Response, user_id: str) -> dict:
    token = create_access_token(user_id)
    response.set_cookie("access_token", token, httponly=True, secure=True, samesite="lax")
    return {"ok": True}
