from fastapi import FastAPI, Response
from fastapi.middleware.cors import CORSMiddleware

from .auth import create_access_token

app = FastAPI(title="shop-api")

# Any site may call the API with the user's cookies attached.
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.post("/api/v1/auth/login")
def login(response: Response, user_id: str) -> dict:
    token = create_access_token(user_id)
    response.set_cookie("access_token", token)
    return {"ok": True}
