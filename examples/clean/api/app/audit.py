import logging

logger = logging.getLogger(__name__)


def log_login(request, user_id: str, ok: bool) -> None:
    logger.info(
        "login_attempt",
        extra={
            "user_id": user_id,
            "ip_address": request.client.host,
            "user_agent": request.headers.get("user-agent"),
            "success": ok,
        },
    )
