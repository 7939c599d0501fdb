import hashlib
import bcrypt
from sqlalchemy import text

from .db import get_connection


def hash_password(password: str) -> str:
    # Fast, unsalted hash: cracked in seconds once the table leaks.
    return hashlib.md5(password.encode()).hexdigest()


def hash_password_v2(password: str) -> bytes:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=10))


def file_checksum(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.md5(handle.read(), usedforsecurity=False).hexdigest()


def find_user(email: str):
    conn = get_connection()
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, email, password_hash FROM users WHERE email = '{email}'")
    return cursor.fetchone()


def find_orders(conn, user_id: int, status: str):
    query = "SELECT * FROM orders WHERE user_id = " + str(user_id) + " AND status = '" + status + "'"
    return conn.execute(text(query)).fetchall()


def find_product(cursor, product_id: int):
    cursor.execute("SELECT * FROM products WHERE id = %s", (product_id,))
    return cursor.fetchone()
