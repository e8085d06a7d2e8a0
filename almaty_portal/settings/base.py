"""Settings shared by every environment.

Everything that differs between a laptop and production comes from the
environment (see README, "Configuration"). ``dev``, ``test`` and ``prod``
only change defaults; production differs from base only through variables.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# Only the dev/test modules provide a default key; base and prod refuse to
# start without SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must precede django.contrib.admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "axes",
    # Second factor: TOTP devices and single-use recovery codes (django-otp).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The bottom layer every app builds on (ARCHITECTURE.md).
    "core",
    "membership",
    "chairmanship",
    "meetings",
    "archive",
    "content",
    "decisions",
    "mechanism",
    "contributions",
    "actionplan",
    "workplans",
    "briefings",
    "alerts",
    "almaty_portal.apps.PortalConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous public pages from the cache (core/pagecache.py):
    # after the headers every response gets, before anything that reads the
    # session or the database, so that a hit costs one cache round trip.
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Right after the CSRF check: records 403s and CSRF failures in the
    # security log (membership/middleware.py tells them apart by position).
    "membership.middleware.SecurityLogMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed a second factor.
    "django_otp.middleware.OTPMiddleware",
    "core.middleware.PrivateForSignedInUsersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Sessions end after the idle and absolute limits below (after messages:
    # it tells the person why); staff without a verified second factor are
    # sent to sign in with it or to enrol (membership/accounts/middleware.py).
    "membership.accounts.middleware.SessionLimitsMiddleware",
    "membership.accounts.middleware.StaffSecondFactorMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a refused login (axes' backend) into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "almaty_portal.urls"
WSGI_APPLICATION = "almaty_portal.wsgi.application"
ASGI_APPLICATION = "almaty_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "almaty_portal.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# Embedded default: a SQLite file under var/. Production: DATABASE_URL.
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"
    ),
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    # A reused connection is checked (SELECT 1, ~0.02 ms on a local socket)
    # the first time a request uses it: after a database restart or
    # failover the request still succeeds instead of failing once per
    # worker. Cached pages never open the connection, so never pay it.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool(
        "DATABASE_CONN_HEALTH_CHECKS", default=True
    )
    # No JIT compilation: PostgreSQL compiles a query whose estimated cost
    # passes jit_above_cost, and the archive search's estimates (vectors
    # without statistics) pass it for common words: 78 ms of compiling for
    # a 450 ms search at 100,000 documents (bench/RESULTS.md). A web page's
    # queries run once each, so compiling never pays back.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite ignores select_for_update: BEGIN IMMEDIATE takes the write lock
    # when a transaction starts, so two concurrent writers queue (up to the
    # timeout) instead of failing midway with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "almaty",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions are read from Redis and written through to the database, so a
# signed-in request spends no query on its session. Without Redis each
# process would keep its own copy of a session (a sign-out seen by one
# worker only): sessions then stay in the database alone.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Whole anonymous pages (core/pagecache.py), shared by every process
# that serves or changes them: Redis in production; without it, files under
# var/cache/pages, so that `manage.py load_demo` or an admin edit in one
# process invalidates what runserver or another worker serves.
CACHES["pages"] = (
    {
        "BACKEND": "core.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "almaty:pages",
    }
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
)
# Seconds an anonymous page stays cached at most (a change of the content it
# shows drops it at once); 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Cache-Control max-age of a cached page, for browsers and proxies (which
# key by the Cookie header: Vary: Cookie).
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
# Seconds a coordinator's cached dashboard body lives at most (a change of
# what it shows, or its next registration deadline, drops it sooner); 0
# turns it off; unset, it follows PAGE_CACHE_SECONDS (meetings/dashboard_cache.py).
DASHBOARD_CACHE_SECONDS = env.int("DASHBOARD_CACHE_SECONDS", default=None)
# Seconds a shared piece of a page (core/fragments.py: the home page's
# sections) lives at most (a change of content drops it at once); 0 turns
# the fragments off; unset, it follows PAGE_CACHE_SECONDS.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=None)
# Seconds a signed-in user's roles stay cached at most (a change of a term,
# membership period or organisation drops them at once); 0 turns it off;
# unset, it follows PAGE_CACHE_SECONDS, at most 300 (membership/roles_cache.py).
ROLES_CACHE_SECONDS = env.int("ROLES_CACHE_SECONDS", default=None)

# --- Users ------------------------------------------------------------------
AUTH_USER_MODEL = "membership.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Invitation and password-reset links expire after three days.
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 24 * 3600)

# --- Two-factor authentication and session limits ---------------------------
# Staff must sign in with a second factor (TOTP or a recovery code) and enrol
# one before any other page; on in production (prod.py), off in dev, the demo
# and tests. Coordinators and focal points may enrol from their account page.
STAFF_REQUIRE_2FA = env.bool("STAFF_REQUIRE_2FA", default=False)
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Almaty Process")
# The admin never shows a device's secret (key, configuration page, QR
# code): whoever reads it can make that person's codes. Enrolment is the
# account page's. (django-otp's configuration and QR pages also answered
# 500 for an unknown device; hidden, they answer 403.)
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Seconds between the password and the code on the second sign-in step.
LOGIN_SECOND_STEP_SECONDS = env.int("LOGIN_SECOND_STEP_SECONDS", default=5 * 60)
# Seconds a session lives without a request (idle) and in all (absolute),
# for staff and for everyone else (coordinators, focal points); 0: no limit.
SESSION_IDLE_TIMEOUT_STAFF = env.int("SESSION_IDLE_TIMEOUT_STAFF", default=30 * 60)
SESSION_ABSOLUTE_TIMEOUT_STAFF = env.int("SESSION_ABSOLUTE_TIMEOUT_STAFF", default=12 * 3600)
SESSION_IDLE_TIMEOUT_USERS = env.int("SESSION_IDLE_TIMEOUT_USERS", default=8 * 3600)
SESSION_ABSOLUTE_TIMEOUT_USERS = env.int("SESSION_ABSOLUTE_TIMEOUT_USERS", default=0)

# --- Login lockout and throttling ----------------------------------------------
# django-axes refuses a login once an account has failed AXES_FAILURE_LIMIT
# times from one client address, or once a client address has failed
# LOGIN_FAILURE_LIMIT_PER_ADDRESS times whatever the accounts (README,
# "Security": nobody elsewhere can lock an account out, an office behind one
# address is not locked out by one person). The lockout ends by itself after
# the cool-off; a success before then clears that account's count from that
# address. The backend is axes' AxesStandaloneBackend check and ModelBackend
# in one class; the handler applies the two limits (auth_backends.py).
AUTHENTICATION_BACKENDS = ["membership.accounts.backends.LockoutModelBackend"]
AXES_HANDLER = "membership.accounts.backends.PairFirstLockoutHandler"
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env.int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", default=50)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
# The account and the address together, then the address alone (at its own limit).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The page promises a time: attempts during a lockout do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Django's login forms (public and admin) post the email as "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "core.throttling.login_username"
AXES_CLIENT_IP_CALLABLE = "core.throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "almaty_portal.views.login_lockout"
# The security log (membership.SecurityEvent): failed sign-ins, lockouts,
# 403s, CSRF failures, refused second factors. Kept this many days after an
# event was last seen (beat purges daily); one client's repeats of the same
# refusal within the window add to one row's count.
SECURITY_LOG_RETENTION_DAYS = env.int("SECURITY_LOG_RETENTION_DAYS", default=365)
SECURITY_LOG_COALESCE_SECONDS = env.int("SECURITY_LOG_COALESCE_SECONDS", default=60)
# Proxies in front of Django that append to X-Forwarded-For (nginx, and the
# TLS proxy in front of it): the client is the address the first one saw.
# 0 (the default) trusts no header and takes REMOTE_ADDR.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
# Password-reset emails per address and per client address, per hour.
PASSWORD_RESET_LIMIT_PER_ADDRESS = env.int("PASSWORD_RESET_LIMIT_PER_ADDRESS", default=3)
PASSWORD_RESET_LIMIT_PER_CLIENT = env.int("PASSWORD_RESET_LIMIT_PER_CLIENT", default=10)

# --- Languages --------------------------------------------------------------
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Russian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The visitor's choice in the language switcher (almaty_portal.views.
# language_choose), which "/" follows: kept a year, sent on links from other
# sites (Lax), unread by scripts; Secure in production.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
USE_I18N = True
# One way to write a date per language, everywhere ("5 June 2025", "5 июня 2025").
FORMAT_MODULE_PATH = ["core.formats"]
TIME_ZONE = "Asia/Almaty"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_LANGUAGES = ("ru", "en")
# The admin's RU/EN tabs need jQuery UI, which modeltranslation loads from
# ajax.googleapis.com by default: the CSP blocks that (no third-party
# requests), so it is vendored (jQuery UI 1.13.3, MIT, from npm).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ru", "en"), "ru": ("en",), "en": ("ru",)}

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Archive files are private: stored outside MEDIA_ROOT, never under a public
# URL, and sent only by archive's download view after an access check.
ARCHIVE_ROOT = env.path("ARCHIVE_ROOT", default=VAR_DIR / "archive")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "archive": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(ARCHIVE_ROOT), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Octal. docker-compose.yml sets 644: nginx's workers, another user, read the
# archive files they send (the volume is mounted in our containers only).
FILE_UPLOAD_PERMISSIONS = int(env("FILE_UPLOAD_PERMISSIONS", default="640"), 8)

# django-sendfile2: "django_sendfile.backends.simple" streams from Django;
# in production behind nginx use "django_sendfile.backends.nginx" with
# SENDFILE_URL pointing at an `internal` location aliasing ARCHIVE_ROOT
# (or "django_sendfile.backends.xsendfile" behind Apache).
SENDFILE_BACKEND = env("SENDFILE_BACKEND", default="django_sendfile.backends.simple")
SENDFILE_ROOT = str(ARCHIVE_ROOT)
SENDFILE_URL = env("SENDFILE_URL", default="/protected/archive")
# Largest archive upload accepted, in bytes (default 50 MB).
ARCHIVE_MAX_UPLOAD_SIZE = env.int("ARCHIVE_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)
# Bulk import of an existing archive (manage.py archive_import, the admin's
# import page; README, "Importing an existing archive"): the server folders
# staff may import from (absolute paths, comma-separated; none by default),
# where uploaded manifests and ZIPs wait while imported, and the most a ZIP
# may unpack to (bytes).
ARCHIVE_IMPORT_DIRS = env.list("ARCHIVE_IMPORT_DIRS", default=[])
ARCHIVE_IMPORT_WORK_DIR = env.path("ARCHIVE_IMPORT_WORK_DIR", default=VAR_DIR / "archive-imports")
ARCHIVE_IMPORT_MAX_UNPACKED_SIZE = env.int(
    "ARCHIVE_IMPORT_MAX_UNPACKED_SIZE", default=4 * 1024 * 1024 * 1024
)

# --- Email --------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Almaty Process <noreply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# --- Celery -------------------------------------------------------------------
# Without REDIS_URL, tasks run in-process at once (the embedded default);
# with it, a real broker and worker.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Late acknowledgement (and redelivery when a worker is lost) is set on each
# idempotent task (archive/tasks.py), not for all: a task that sends mail
# must not run twice.
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=15 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=14 * 60)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Background work (Celery's worker processes; without Redis, the archive's
# background thread) runs at this nice level: text extraction, indexing and
# briefing packs yield the CPU to the web workers serving visitors on a
# small server, and take the idle time otherwise (archive/priority.py).
BACKGROUND_NICENESS = env.int("BACKGROUND_NICENESS", default=10)
# Bulk indexing (archive_reindex, imports) pauses after each batch so that it
# keeps the database busy at most this share of the time (1: no pause):
# PostgreSQL does most of that work at its own priority (archive/search/indexing.py).
ARCHIVE_BULK_INDEX_SHARE = env.float("ARCHIVE_BULK_INDEX_SHARE", default=0.5)
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that queues a task while Redis is down must not hang: short
# socket timeouts and no publish retry (a retry costs another timeout, and
# redis-py already reconnects a pooled connection the server closed), then
# the task waits in the database's outbox and is sent when the broker is
# back (core/tasking.py).
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 2}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 0}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"max_retries": 1}}
CELERY_TIMEZONE = TIME_ZONE
# Periodic housekeeping, run by the `beat` service of docker-compose.yml.
CELERY_BEAT_SCHEDULE = {
    # The security log's events older than SECURITY_LOG_RETENTION_DAYS.
    "membership-purge-security-events": {
        "task": "membership.purge_security_events",
        "schedule": 24 * 3600,
    },
    # Tasks that could not be queued while the broker was down.
    "portal-send-outbox": {
        "task": "almaty_portal.send_outbox",
        "schedule": 60,
    },
    # Archive files whose database row was rolled back or deleted (the
    # sweep leaves anything younger than a few hours alone).
    "archive-delete-orphan-files": {
        "task": "archive.delete_orphan_files",
        "schedule": 24 * 3600,
    },
    # Files left "running" by an extraction that never finished become
    # "failed" with the reason, so that the admin can retry them.
    "archive-fail-stuck-extractions": {
        "task": "archive.fail_stuck_extractions",
        "schedule": 15 * 60,
    },
    # Delegates' personal data of meetings older than the retention period
    # (the record of which states attended stays).
    "meetings-purge-delegates": {
        "task": "meetings.purge_delegates",
        "schedule": 24 * 3600,
    },
    # Briefing packs whose build stopped without a sign of life (a worker
    # killed outright) are queued again, or failed after three attempts.
    "briefings-recover-stale-packs": {
        "task": "briefings.recover_stale_packs",
        "schedule": 5 * 60,
    },
    # Out-of-date packs whose contents stopped changing are built again
    # (each change also queues its own rebuild: this is the safety net for
    # a message lost with the broker or a worker).
    "briefings-rebuild-stale-packs": {
        "task": "briefings.rebuild_stale_packs",
        "schedule": 60,
    },
    # Alerts' digests: every hour, each address whose daily or weekly
    # digest is due gets what was published since its last one.
    "alerts-send-digests": {
        "task": "alerts.send_digests",
        "schedule": 3600,
    },
    # Alert subscriptions left unconfirmed for 7 days.
    "alerts-purge-unconfirmed": {
        "task": "alerts.purge_unconfirmed",
        "schedule": 24 * 3600,
    },
}

# --- Archive extraction -------------------------------------------------------
# Text extraction runs in a child process with these limits, then stops the
# file as "failed" with the reason (README: "Text extraction limits"). A real
# document stays far below each of them; a crafted one reaches them.
ARCHIVE_EXTRACTION_TIME_LIMIT = env.int("ARCHIVE_EXTRACTION_TIME_LIMIT", default=120)  # s, wall
ARCHIVE_EXTRACTION_CPU_LIMIT = env.int("ARCHIVE_EXTRACTION_CPU_LIMIT", default=100)  # s of CPU
ARCHIVE_EXTRACTION_MEMORY_LIMIT = env.int(  # bytes of address space (RLIMIT_AS)
    "ARCHIVE_EXTRACTION_MEMORY_LIMIT", default=1024 * 1024 * 1024
)
ARCHIVE_EXTRACTION_MAX_PAGES = env.int("ARCHIVE_EXTRACTION_MAX_PAGES", default=10_000)
ARCHIVE_EXTRACTION_MAX_UNPACKED_SIZE = env.int(  # bytes, Office and OpenDocument files
    "ARCHIVE_EXTRACTION_MAX_UNPACKED_SIZE", default=256 * 1024 * 1024
)
ARCHIVE_EXTRACTION_MAX_ODF_XML_SIZE = env.int(  # bytes of XML in an ODT
    "ARCHIVE_EXTRACTION_MAX_ODF_XML_SIZE", default=16 * 1024 * 1024
)
# A file "running" for longer than this (seconds) is taken as stopped.
ARCHIVE_EXTRACTION_STUCK_AFTER = env.int("ARCHIVE_EXTRACTION_STUCK_AFTER", default=30 * 60)
# Without Redis (CELERY_TASK_ALWAYS_EAGER) extraction runs after the upload's
# response in a background thread of the web process, one file at a time.
# Off: it runs before the response (tests, where eager errors propagate).
ARCHIVE_EXTRACTION_IN_BACKGROUND = env.bool("ARCHIVE_EXTRACTION_IN_BACKGROUND", default=True)

# --- Briefing packs -----------------------------------------------------------
# A pack whose contents change (agenda, registrations, selected documents) is
# out of date at once and built again once they have not changed for this
# many seconds (each further change pushes the rebuild later). Without Redis
# a timer of the web process waits instead of Celery's countdown.
BRIEFING_REBUILD_DEBOUNCE = env.int("BRIEFING_REBUILD_DEBOUNCE", default=180)

# --- Security -----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# The portal's own page for a refused form, in the page's language (not Django's).
CSRF_FAILURE_VIEW = "almaty_portal.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Strict CSP: nothing inline, nothing third-party (see middleware).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Every response that is not an HTML page (downloads, exports, images,
# feeds): nothing it contains may run or load anything, even if a browser
# renders it as a document. The same policy deploy/nginx.conf adds to the
# files it sends for X-Accel-Redirect (a test keeps the two equal).
FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"
# No page of the portal uses a device or a payment API: deny them all, also
# to anything embedded.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=()"
)

# --- Logging ------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Per-step progress of every PDF and dictionary loading notices.
        "weasyprint.progress": {"level": "WARNING"},
        # WeasyPrint subsets fonts with fontTools, which logs each glyph list.
        "fontTools": {"level": "WARNING"},
        "pymorphy3": {"level": "WARNING"},
        # One "BEGIN" line per process start, even for each manage.py command.
        "axes.apps": {"level": "WARNING"},
        # Tasks run in-process (no Redis): one "succeeded" line per task
        # would drown `load_demo` and runserver output; failures still show.
        **({"celery.app.trace": {"level": "WARNING"}} if CELERY_TASK_ALWAYS_EAGER else {}),
    },
}

# --- Meetings -----------------------------------------------------------------
# Delegates' personal data is deleted this long after their meeting ended
# (manage.py purge_delegates, daily from beat); the aggregate record stays.
MEETINGS_PERSONAL_DATA_RETENTION_DAYS = env.int(
    "MEETINGS_PERSONAL_DATA_RETENTION_DAYS", default=730
)
# Lifetime of the signed link an observer's focal point registers with.
MEETINGS_OBSERVER_LINK_MAX_AGE_DAYS = env.int("MEETINGS_OBSERVER_LINK_MAX_AGE_DAYS", default=30)
# Contact form: messages accepted per client address and hour.
CONTACT_MESSAGES_PER_HOUR = env.int("CONTACT_MESSAGES_PER_HOUR", default=5)
# Alerts: subscription requests per email address and per client address
# and hour (alerts/views.py; README, "Alerts").
ALERTS_LIMIT_PER_ADDRESS = env.int("ALERTS_LIMIT_PER_ADDRESS", default=3)
ALERTS_LIMIT_PER_CLIENT = env.int("ALERTS_LIMIT_PER_CLIENT", default=10)
# Voluntary contributions: a public page of yearly totals (no state named)
# at /contributions/; off, that page does not exist (404).
CONTRIBUTIONS_PUBLIC_AGGREGATE = env.bool("CONTRIBUTIONS_PUBLIC_AGGREGATE", default=False)

# --- Portal -------------------------------------------------------------------
PORTAL_NAME = _("Almaty Process")
# Open metadata (archive/oai): records a page of an OAI-PMH list and of the
# JSON list, how long a resumption token lasts, and the address harvesters
# write to (empty: the address of DEFAULT_FROM_EMAIL).
OAI_PAGE_SIZE = env.int("OAI_PAGE_SIZE", default=100)
OAI_TOKEN_MAX_AGE = env.int("OAI_TOKEN_MAX_AGE", default=24 * 3600)
OAI_ADMIN_EMAIL = env.str("OAI_ADMIN_EMAIL", default="")
# The public address (scheme and host, e.g. https://almaty-process.org) for
# canonical URLs, hreflang alternates, Open Graph and robots.txt; empty: the
# address the request came to.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="").rstrip("/")
