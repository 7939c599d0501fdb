import logging

logger = logging.getLogger(__name__)


def log_login(request, email: str, password: str, ok: bool) -> None:
    logger.debug("login attempt %s with password %s", email, password)
    logger.info("login_attempt", extra={"email": email, "ip_address": request.client.host, "success": ok})
