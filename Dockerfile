# Production image: gunicorn (web), celery worker and beat share it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=almaty_portal.settings.prod

# WeasyPrint's system libraries (Pango, HarfBuzz via Pango), libmagic for
# upload sniffing, gettext for compilemessages, fonts with Cyrillic coverage,
# and PostgreSQL's client (pg_dump/pg_restore, of the compose database's
# major) for `manage.py backup` and `restore`.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libmagic1 \
      gettext fonts-noto-core fonts-dejavu-core curl postgresql-client \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --home-dir /app --uid 10001 portal
WORKDIR /app

# The locked, hashed dependencies first (a layer that changes only with the
# lock), then the project without dependencies.
COPY requirements/main.txt ./requirements/main.txt
RUN pip install --require-hashes -r requirements/main.txt

COPY pyproject.toml README.md ./
COPY core ./core
COPY almaty_portal ./almaty_portal
COPY membership ./membership
COPY chairmanship ./chairmanship
COPY meetings ./meetings
COPY archive ./archive
COPY content ./content
COPY briefings ./briefings
COPY actionplan ./actionplan
COPY decisions ./decisions
COPY mechanism ./mechanism
COPY contributions ./contributions
COPY workplans ./workplans
COPY alerts ./alerts
RUN pip install --no-deps .

COPY manage.py ./
COPY templates ./templates
COPY static ./static
COPY locale ./locale

# Build-time only key: collectstatic and compilemessages need settings loaded.
# Every directory docker-compose.yml mounts a volume on exists here, owned by
# the portal user: a named volume starts as a copy of it (an absent one would
# be root's, and every upload would fail).
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
      python manage.py collectstatic --no-input -v 0 \
 && python manage.py compilemessages -v 0 \
 && mkdir -p /app/var/media /app/var/archive \
 && chown -R portal:portal /app/var

USER portal
EXPOSE 8000
CMD ["gunicorn", "almaty_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
