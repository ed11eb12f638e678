"""Opvoedwijzer settings: one file, every knob an environment variable with a safe default.

Development: `make run` sets DEBUG=true. Production: set SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL;
with DEBUG unset, `manage.py check --deploy` is clean.
"""

import datetime
import os
import tempfile
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent


# Every setting reads its environment variable once, through one of these helpers; no other module reads
# os.environ for a setting.
def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    return env_str(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    return int(env_str(name, str(default)))


def env_list(name, default=""):
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# `make run` writes a local, git-ignored `.env` once (a generated SECRET_KEY and FIELD_ENCRYPTION_KEY, plain
# http on loopback), so that every `python manage.py …` works in this folder. Variables set in the
# environment win over the file; ENV_FILE names another file. The test suite never reads it: tests run
# as on a fresh clone.
TESTING = env_bool("TESTING")  # set by `make test`: plain http on loopback, like DEBUG
if not TESTING:
    load_dotenv(env_str("ENV_FILE") or BASE_DIR / ".env", override=False)


DEBUG = env_bool("DEBUG")
# Plain http, no secure-only cookies, no HSTS: development, tests, and `make run` on loopback (its `.env`
# sets PLAIN_HTTP=true; a real address gets TLS from a reverse proxy, see docs/operations.md).
PLAIN_HTTP = DEBUG or TESTING or env_bool("PLAIN_HTTP")
# Without DEBUG a real key is required; the fallback only ever serves development and tests.
SECRET_KEY = env_str("SECRET_KEY") or (
    "dev-only-insecure-key-do-not-use-in-production" if DEBUG or TESTING else None
)
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for development).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "opvoedwijzer.core.views.csrf_failure"
SITE_NAME = env_str("SITE_NAME", "Opvoedwijzer")
SITE_ID = 1

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    # allauth's passkey list (mfa/webauthn/authenticator_list.html) loads the humanize tags.
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ninja",
    "opvoedwijzer.core",
    "opvoedwijzer.taxonomy",
    "opvoedwijzer.suggestions",
    "opvoedwijzer.contacts",
    "opvoedwijzer.reports",
    "opvoedwijzer.api",
    "opvoedwijzer.privacy",
    "opvoedwijzer.policy",
    "opvoedwijzer.socialmap",
    "opvoedwijzer.questions",
    "opvoedwijzer.pages",
    "opvoedwijzer.library",
    "opvoedwijzer.activities",
    "opvoedwijzer.trajectories",
    "opvoedwijzer.volunteers",
    "opvoedwijzer.imports",
    "opvoedwijzer.regions",
    "opvoedwijzer.onboarding",
    # Composers without models of their own: the staff home, the demo data, the nightly retention run.
    "opvoedwijzer.home",
    "opvoedwijzer.demo",
    "opvoedwijzer.retention",
    # After core: core's `taskrunner` command (restarts cleanly, retries) takes the place of dbtasks' own.
    "dbtasks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML, JSON and the iCalendar feeds compressed (static files come compressed from WhiteNoise). CSRF
    # tokens are masked anew on every response, Django's mitigation of BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Control characters: 400 in an address, removed from a form's body and dropped from cookies, before
    # the session reads its cookie and before CommonMiddleware's redirect echoes the path.
    "opvoedwijzer.core.badinput.BadInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # `?lang=xx` on a public page: that language, remembered in the cookie; the notice when part of a page
    # fell back to English.
    "opvoedwijzer.core.language.PublicLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "opvoedwijzer.core.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "opvoedwijzer.core.middleware.OrganisationMiddleware",
    "opvoedwijzer.core.middleware.RequireMFAMiddleware",
]

ROOT_URLCONF = "opvoedwijzer.urls"
WSGI_APPLICATION = "opvoedwijzer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "opvoedwijzer" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "opvoedwijzer.core.context_processors.organisation",
            ],
        },
    },
]

FORM_RENDERER = "opvoedwijzer.core.forms.FormRenderer"

# Database: SQLite by default (WAL, IMMEDIATE transactions, busy timeout), PostgreSQL via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"),
    }
    # Tests use a file too, not SQLite's shared in-memory database: there, connections of different
    # threads lock each other out at once ("database table is locked") instead of queueing as they
    # do on a file, which is what runs in production (proven by tests/activities/test_parallel_signups.py).
    # One file per test process, so that two test runs side by side do not share one.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"opvoedwijzer-test-{os.getpid()}.sqlite3")
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: compiling a plan costs ~25 ms, more than the report queries on the roll-up take (bench/).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

# allauth: e-mail login, no public sign-up (coordinators invite), rate limits on.
ACCOUNT_ADAPTER = "opvoedwijzer.core.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "  # not the Sites framework's "example.com"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
}

# Two-step login (allauth.mfa): an authenticator app (TOTP) or a passkey/security key, plus recovery
# codes. Required for the roles below; a new member has MFA_GRACE_DAYS to set it up, after that the
# account opens nothing until it is set up or a coordinator reopens the grace period.
MFA_ADAPTER = "opvoedwijzer.core.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = PLAIN_HTTP
MFA_TOTP_ISSUER = SITE_NAME
MFA_TOTP_TOLERANCE = 1  # also the code of the 30 s before or after: phones' clocks drift a little
MFA_REQUIRED_ROLES = set(env_list("MFA_REQUIRED_ROLES", "staff,coordinator,funder"))
MFA_GRACE_DAYS = env_int("MFA_GRACE_DAYS", 7)

LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
]
# The staff screens are in Dutch and English; the public pages offer every language of LANGUAGES, chosen
# with links that add `?lang=xx` and remembered in the language cookie (core/language.py).
STAFF_LANGUAGES = ["nl", "en"]
# A string without a translation in a public language other than the staff's (fr, ar, tr, pl) is shown in
# this language instead of Django's fallback to LANGUAGE_CODE (Dutch), and the page says so under its header
# (core.language.PublicTranslation, installed in CoreConfig.ready). English is the msgids themselves.
PUBLIC_FALLBACK_LANGUAGE = env_str("PUBLIC_FALLBACK_LANGUAGE", "en")
LOCALE_PATHS = [BASE_DIR / "opvoedwijzer" / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [
    BASE_DIR / "opvoedwijzer" / "static",
    ("vendor", BASE_DIR / "static" / "vendor"),
]
# Static files are served by the app itself (WhiteNoise): `collectstatic` gives every file a name with
# its hash and a gzip and Brotli copy, served with a year's cache. Development and tests read them
# straight from the apps' folders.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# Source maps (17 MB of the API docs' Swagger UI) are for developers' tools: not worth compressing.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

# One cache for every worker and app server: rate limits and login throttling count across all of them.
# The database by default (no server to run); CACHE_URL=redis://… (Redis or Valkey) for large installs.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "opvoedwijzer_cache"}
}
CACHE_URL = env_str("CACHE_URL")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    try:
        import redis  # noqa: F401  (pip install -e '.[redis]')
    except ImportError:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "CACHE_URL names Redis, but the redis package is not installed: pip install -e '.[redis]'."
        ) from None
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_URL,
    }

# E-mail: EMAIL_URL (smtp://user:pw@host:587); without it the console in development and the local
# mail server (localhost:25) in production.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@opvoedwijzer.local")
_email_url = env_str("EMAIL_URL", "")
if _email_url.startswith(("smtp://", "submission://")):
    from urllib.parse import unquote, urlparse

    _u = urlparse(_email_url)
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _u.hostname,
                "port": _u.port or 587,
                "username": unquote(_u.username or ""),
                "password": unquote(_u.password or ""),
                "use_tls": True,
            },
        }
    }
elif DEBUG or TESTING or _email_url.startswith("console:"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:  # production without EMAIL_URL: the machine's own mail server
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "localhost", "port": 25},
        }
    }

# Security: strict by default, relaxed only by DEBUG (plain http on loopback).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = not PLAIN_HTTP and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = not PLAIN_HTTP and env_bool("SECURE_SSL_REDIRECT", True)
# A load balancer asks for /health/ over plain http: it answers there too, never with a redirect.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = 0 if PLAIN_HTTP else env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not PLAIN_HTTP
SECURE_HSTS_PRELOAD = not PLAIN_HTTP and env_bool("SECURE_HSTS_PRELOAD", True)
BEHIND_PROXY = env_bool("BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# How many reverse proxies stand in front (each appends to X-Forwarded-For): rate limits and the login
# throttle count the address the outermost one saw, not the proxy's. 0 without BEHIND_PROXY: then a
# client's own X-Forwarded-For is ignored.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if BEHIND_PROXY else 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Domain settings.
CONTACT_EDIT_DAYS = env_int("CONTACT_EDIT_DAYS", 14)
# How long an invitation link (a new member, a new service's coordinator) works, once.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
CONTACT_UNDO_SECONDS = env_int("CONTACT_UNDO_SECONDS", 300)
CONTACT_NOTE_MAX_LENGTH = 500

# Numbers that leave the service (funders, external exports) hide counts below this (privacy rule 4).
DISCLOSURE_MIN_COUNT = env_int("DISCLOSURE_MIN_COUNT", 5)

# Retention periods in days (privacy rule 6); `manage.py purge_expired` applies them daily.
RETENTION_DAYS = {
    "contact_note": env_int("RETENTION_CONTACT_NOTE_DAYS", 365),
    "invitation": env_int("RETENTION_INVITATION_DAYS", 30),
    "audit_event": env_int("RETENTION_AUDIT_EVENT_DAYS", 730),
    "question_email": env_int("RETENTION_QUESTION_EMAIL_DAYS", 30),
    "library_contact": env_int("RETENTION_LIBRARY_CONTACT_DAYS", 30),
    # Names and contacts of people who signed up for an activity: days after its last session.
    "signup_contact": env_int("RETENTION_SIGNUP_CONTACT_DAYS", 7),
    # An uploaded file of past registrations, while its import waits for confirmation (encrypted).
    "import_upload": env_int("RETENTION_IMPORT_UPLOAD_DAYS", 1),
    # A volunteer who stopped: their name and texts are forgotten this many days later (numbers stay).
    "volunteer_stopped": env_int("RETENTION_VOLUNTEER_STOPPED_DAYS", 365),
    # A trajectory's and a consultation's texts (request, plan, notes, hypotheses, goal wording, network,
    # evaluation, follow-up) are blanked this many days after its closure (a consultation: after its date
    # or follow-up); its numbers stay (trajectories/retention.py).
    "trajectory_texts": env_int("TRAJECTORY_TEXT_RETENTION_DAYS", 365),
}

# A goal counts as reached when its last score on the 0–10 scale is at least this.
GOAL_REACHED_SCORE = env_int("GOAL_REACHED_SCORE", 8)

# An import of past registrations with more rows than this is checked and written by the task runner.
IMPORT_BACKGROUND_ROWS = env_int("IMPORT_BACKGROUND_ROWS", 2000)

# Background tasks: Django's task framework with django-dbtasks (tasks in the database, a runner
# process `manage.py taskrunner`, periodic tasks by crontab). The purge runs every night.
TASKS = {
    "default": {
        "BACKEND": "dbtasks.backend.DatabaseBackend",
        "OPTIONS": {
            "retain": datetime.timedelta(days=30),
            "periodic": {
                "opvoedwijzer.retention.tasks.purge_expired_data": env_str("PURGE_SCHEDULE", "15 3 * * *"),
                # The reports' roll-up against a recount of the contacts; drift is repaired and logged.
                "opvoedwijzer.reports.tasks.check_rollup_task": env_str(
                    "ROLLUP_CHECK_SCHEDULE", "45 2 * * *"
                ),
                # Rising themes → proposed signals, on the first of every month.
                "opvoedwijzer.policy.tasks.propose_signals_everywhere": env_str(
                    "SIGNALS_SCHEDULE", "0 4 1 * *"
                ),
                # Referrals due for follow-up → one mail per author, weekday mornings.
                "opvoedwijzer.socialmap.tasks.send_follow_up_reminders_task": env_str(
                    "REFERRAL_REMINDER_SCHEDULE", "0 8 * * 1-5"
                ),
                # Sessions in SIGNUP_REMINDER_DAYS days → a reminder to who signed up with a contact.
                "opvoedwijzer.activities.tasks.send_reminders_task": env_str(
                    "SIGNUP_REMINDER_SCHEDULE", "0 10 * * *"
                ),
                # Suggestions: every organisation learns again from its answered questions and registrations.
                "opvoedwijzer.suggestions.tasks.train_suggestions_task": env_str(
                    "SUGGESTIONS_TRAIN_SCHEDULE", "30 3 * * *"
                ),
            },
        },
    }
}

# The address of this installation, for links in mails sent by background tasks.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# The key for the few encrypted fields (a web question's e-mail address): a Fernet key
# (`python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`); when
# empty, one is derived from SECRET_KEY (changing SECRET_KEY then loses the stored addresses).
FIELD_ENCRYPTION_KEY = env_str("FIELD_ENCRYPTION_KEY", "")

# Library loans: this many days, and again at each renewal.
LOAN_DAYS = env_int("LOAN_DAYS", 21)

# Web questions: answered within this many working days.
QUESTION_DUE_WORKING_DAYS = env_int("QUESTION_DUE_WORKING_DAYS", 3)

# A referral's follow-up reminder, by default this many days after the referral.
REFERRAL_FOLLOW_UP_DAYS = env_int("REFERRAL_FOLLOW_UP_DAYS", 21)

# Phone numbers the PII guard leaves alone: services' own numbers (helplines), comma-separated.
PII_ALLOWED_PHONE_NUMBERS = env_list(
    "PII_ALLOWED_PHONE_NUMBERS",
    "078 15 00 10,102,106,116 000,1813,1712,0800 20 100,0800 32 123",
)

# Hooks: an app calls into an app above it only through these dotted paths (as Django does with
# AUTHENTICATION_BACKENDS), so the foundation (core < privacy, taxonomy) never imports upwards.
# - The numbers on the social maps the PII guard lets through as well: a function (user=None) → numbers,
#   read once per process while the organisations' `map_version` stays (privacy/forms.py).
PII_ALLOWED_PHONE_NUMBERS_FROM = "opvoedwijzer.socialmap.selectors.public_phone_numbers"
# - Called with the term, in the same transaction, when staff rename a term (taxonomy/services.py).
TERM_RENAMED_HOOKS = ["opvoedwijzer.socialmap.search.reindex_for_term"]
# - Called with every new organisation (idempotent: core.services.give_organisation_defaults runs them
#   however the organisation is made): what it needs before anyone can work in it.
NEW_ORGANISATION_HOOKS = ["opvoedwijzer.taxonomy.services.seed_default_taxonomy"]
# - Where the suggestions (issue 20) learn from: functions (organisation) → iterable of (text, [theme codes,
#   main first]) in the domains; suggestions/services.py `train` reads them (nightly, and on request).
SUGGESTION_EXAMPLE_SOURCES = env_list(
    "SUGGESTION_EXAMPLE_SOURCES",
    "opvoedwijzer.questions.selectors.suggestion_examples,"
    "opvoedwijzer.contacts.selectors.suggestion_examples,"
    "opvoedwijzer.trajectories.selectors.suggestion_examples",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Group offer: reminders this many days before a session.
SIGNUP_REMINDER_DAYS = env_int("SIGNUP_REMINDER_DAYS", 2)

# What the public may do at most this many times an hour from one network address (core/ratelimit.py,
# `over_limit(request, name)`); a name not in this dict is an error. A reservation counts as a question
# does; reading a question through the API counts with picking it up on the web, but allows more.
_QUESTIONS_PER_HOUR = env_int("QUESTION_RATE_LIMIT_PER_HOUR", 5)
_SIGNUPS_PER_HOUR = env_int("SIGNUP_RATE_LIMIT_PER_HOUR", 200)
RATE_LIMITS = {
    "ask": _QUESTIONS_PER_HOUR,
    "reserve": _QUESTIONS_PER_HOUR,
    "pick_up": env_int("PICK_UP_RATE_LIMIT_PER_HOUR", 30),
    "pick_up_by_api": env_int("PICK_UP_API_RATE_LIMIT_PER_HOUR", 60),
    "sign_up": _SIGNUPS_PER_HOUR,
    "evaluate": _SIGNUPS_PER_HOUR,
    # "Maybe this already helps" while a parent types a question: a request at each pause in typing.
    "ask_suggestions": env_int("ASK_SUGGESTIONS_RATE_LIMIT_PER_HOUR", 300),
}

# Text messages (sign-up reminders to a phone number) through django-sms: a backend such as
# "sms.backends.twilio.SmsBackend" or "sms.backends.messagebird.SmsBackend" (with its own settings).
# Empty: no texts are sent, and staff see whom to call on the session's check-in list. `make run`
# prints them on the console.
SMS_BACKEND = env_str("SMS_BACKEND", "sms.backends.console.SmsBackend" if DEBUG else "")
DEFAULT_FROM_SMS = env_str("SMS_FROM", "")
