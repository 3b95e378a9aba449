# Parley worker image. Build: docker build -t parley .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PARLEY_DATA_DIR=/var/lib/parley \
    PARLEY_STORE=rocksdb \
    PARLEY_WEB_HOST=0.0.0.0 \
    PARLEY_WEB_PORT=6066

WORKDIR /app
COPY pyproject.toml README.md ./
COPY pipeline ./pipeline
COPY routes.example.toml ./
# pip 23 cannot resolve lxml[html_clean] for trafilatura: upgrade pip first.
RUN python -m pip install --no-cache-dir --upgrade pip \
 && python -m pip install --no-cache-dir . \
 && useradd --system --create-home parley \
 && mkdir -p /var/lib/parley && chown parley /var/lib/parley
USER parley
VOLUME ["/var/lib/parley"]
EXPOSE 6066
ENTRYPOINT ["parley"]
CMD ["worker"]
