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
