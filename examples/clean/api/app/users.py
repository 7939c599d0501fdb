import hashlib

from passlib.context import CryptContext

from .db import get_connection

pwd_context = CryptContext(
    schemes=["argon2"],
    deprecated="auto",
    argon2__memory_cost=65536,
    argon2__time_cost=3,
    argon2__parallelism=4,
)


def hash_password(password: str) -> str:
    return pwd_context.hash(password)


def file_checksum(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.md5(handle.read(), usedforsecurity=False).hexdigest()


def find_user(email: str):
    conn = get_connection()
    cursor = conn.cursor()
    cursor.execute("SELECT id, email, password_hash FROM users WHERE email = %s", (email,))
    return cursor.fetchone()


def find_orders(conn, user_id: int, status: str):
    return conn.execute(
        "SELECT * FROM orders WHERE user_id = %s AND status = %s", (user_id, status)
    ).fetchall()
