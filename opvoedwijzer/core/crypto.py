"""Encryption of the few personal data a feature cannot do without (privacy rule 1): a web question's
e-mail address for "your answer is ready", the phone number or e-mail address of someone who reserves
a book. Fernet (AES-128-CBC + HMAC-SHA256) from `cryptography`; the key comes from
`FIELD_ENCRYPTION_KEY`, or is derived from SECRET_KEY when that is not set."""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet():
    key = settings.FIELD_ENCRYPTION_KEY
    if not key:
        digest = hashlib.sha256(f"opvoedwijzer-field-encryption|{settings.SECRET_KEY}".encode()).digest()
        key = base64.urlsafe_b64encode(digest).decode()
    return Fernet(key)


def encrypt(text):
    return _fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token):
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:  # the key changed: the address is lost, which is the safe side
        return ""


def encrypt_bytes(data):
    """Encrypt a file's bytes (an upload kept until it is processed)."""
    return _fernet().encrypt(data) if data else b""


def decrypt_bytes(token):
    """The bytes `encrypt_bytes` gave; b"" when the key changed (the upload is lost: the safe side)."""
    if not token:
        return b""
    try:
        return _fernet().decrypt(bytes(token))
    except InvalidToken:
        return b""


def keyed_digester(purpose):
    """`keyed_digest` for many texts: the key derived once."""
    import hmac

    secret = settings.FIELD_ENCRYPTION_KEY or settings.SECRET_KEY
    key = hashlib.sha256(f"opvoedwijzer-{purpose}|{secret}".encode()).digest()
    return lambda text: hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def keyed_digest(purpose, text):
    """An HMAC-SHA256 of `text` (hex) under a key derived from FIELD_ENCRYPTION_KEY (or SECRET_KEY) for
    `purpose`: a fingerprint that identifies the same values again without keeping them, and that no one
    without the key can check a guess against."""
    return keyed_digester(purpose)(text)
