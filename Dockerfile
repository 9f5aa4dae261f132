# syntax=docker/dockerfile:1
# One image for both services: `resume-gateway` (default) or `resume-worker`.

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY common common
COPY gateway_service gateway_service
COPY analysis_worker analysis_worker
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM debian:bookworm-slim AS probe
ARG TARGETARCH=amd64
ARG GRPC_HEALTH_PROBE_VERSION=v0.4.40
ADD https://github.com/grpc-ecosystem/grpc-health-probe/releases/download/${GRPC_HEALTH_PROBE_VERSION}/grpc_health_probe-linux-${TARGETARCH} /grpc_health_probe
RUN chmod 0755 /grpc_health_probe

FROM python:3.11-slim
# OpenCV (opencv-python, which the OCR engine rapidocr-onnxruntime requires) loads libGL and
# GLib when imported; onnxruntime itself needs no system library.
RUN apt-get update && apt-get install -y --no-install-recommends libgl1 libglib2.0-0 \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin app
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
COPY --from=probe /grpc_health_probe /usr/local/bin/grpc_health_probe
USER 10001
ENV PYTHONUNBUFFERED=1 \
    WORKER_HEARTBEAT_FILE=/tmp/resume-worker.heartbeat
EXPOSE 50051 9464 9465
STOPSIGNAL SIGTERM
CMD ["resume-gateway"]
