"""Users, passwords, sessions, CSRF and login throttling for the web app.

- Passwords are hashed with argon2id (argon2-cffi); the hash string carries its own parameters.
- The session is Starlette's signed cookie (HttpOnly, SameSite=Lax; Secure when the app is told
  it sits behind HTTPS). It holds the user name and the CSRF token, nothing else; the role is read
  from the store on every request, so a changed role takes effect at once.
- Every write (POST) must carry the session's CSRF token, as the form field `csrf_token` or the
  header `X-CSRF-Token`.
- Anonymous visitors may read (they are viewers); writing needs an editor or admin.
- Login throttling: after MAX_FAILURES failed logins for one user name or from one address within
  WINDOW seconds, further attempts are refused (HTTP 429) until the window has passed.
"""
from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

ROLES = ("viewer", "editor", "admin")
ROLE_RANK = {"anonymous": 0, "viewer": 1, "editor": 2, "admin": 3}
MAX_FAILURES = 5
WINDOW = 15 * 60

_hasher = PasswordHasher()
# A hash to verify against when the user does not exist, so the answer takes the same time.
_DUMMY_HASH = _hasher.hash("not a real password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def check_login(store, username: str, password: str) -> dict | None:
    """The user record when the name and password match, else None."""
    user = store.get_user(username) if username else None
    if user is None:
        verify_password(_DUMMY_HASH, password)
        return None
    return user if verify_password(user["password_hash"], password) else None


def can(role: str, needed: str) -> bool:
    return ROLE_RANK.get(role, 0) >= ROLE_RANK[needed]


def csrf_token(session: dict) -> str:
    """The session's CSRF token, created on first use."""
    token = session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def csrf_ok(session: dict, given: str | None) -> bool:
    expected = session.get("csrf")
    return bool(expected and given and secrets.compare_digest(expected, given))


class LoginThrottle:
    """Counts failed logins per key (user name, client address) in a sliding window."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW, clock=time.monotonic):
        self.max_failures = max_failures
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque:
        q = self._failures[key]
        cutoff = self.clock() - self.window
        while q and q[0] < cutoff:
            q.popleft()
        return q

    def blocked(self, *keys: str) -> bool:
        with self._lock:
            return any(len(self._recent(k)) >= self.max_failures for k in keys)

    def fail(self, *keys: str) -> None:
        with self._lock:
            now = self.clock()
            for k in keys:
                self._recent(k).append(now)

    def succeed(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._failures.pop(k, None)
