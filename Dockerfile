# Krachtkompas as one image (docs/operations.md). Everything but the privacy config comes from
# the environment: KRACHTKOMPAS_CONTENT, and any STREAMLIT_* setting (secrets.toml for login).
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOME=/tmp \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501

WORKDIR /app

# Every dependency is a prebuilt wheel: no compiler enters the image.
COPY requirements.txt .
RUN pip install --no-cache-dir --only-binary=:all: -r requirements.txt

COPY .streamlit/config.toml .streamlit/config.toml
COPY app.py ./
COPY pages/ pages/
COPY krachtwerk/ krachtwerk/
COPY assets/ assets/
# Compiled once here: the root filesystem is read-only when it runs (deploy/k8s).
RUN python -m compileall -q krachtwerk pages app.py \
    && useradd --uid 10001 --no-create-home --home-dir /tmp --shell /usr/sbin/nologin krachtkompas

USER 10001
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request as u; sys.exit(u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]
CMD ["python", "-m", "streamlit", "run", "app.py"]
