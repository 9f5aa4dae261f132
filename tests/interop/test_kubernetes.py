"""deploy/: the Kubernetes manifests and the compose overrides agree with the code they run.

Nothing here talks to a cluster or to Docker; each test reads the files and holds them
against what the services define: settings, ports, health services, metric names, keys.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from analysis_worker.worker import pool_size
from common.config import Settings, host_ports
from common.jobs import COUNTED_STATES, queue_key
from gateway_service.health import LIVENESS, READINESS
from gateway_service.metrics import QUEUE_JOBS
from tests.helpers.support import ROOT

KUBERNETES = ROOT / "deploy" / "kubernetes"
MANIFESTS = sorted(KUBERNETES.rglob("*.yaml"))
OVERRIDES = [ROOT / "deploy" / "compose.sentinel.yaml", ROOT / "deploy" / "compose.cluster.yaml"]
BASE_COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
SETTINGS_VARIABLES = {field.name.upper() for field in fields(Settings)}
# The services that run the image, and so read Settings from their environment.
SERVICES_OF_THE_IMAGE = ("gateway", "worker")


def documents(path: Path) -> list[dict[str, Any]]:
    return [document for document in yaml.safe_load_all(path.read_text()) if document is not None]


def every_document() -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in MANIFESTS:
        for document in documents(path):
            yield path, document


def one(kind: str, name: str, under: Path = KUBERNETES) -> dict[str, Any]:
    found = [
        document for path, document in every_document()
        if path.is_relative_to(under) and document["kind"] == kind and document["metadata"]["name"] == name
    ]
    assert len(found) == 1, f"{len(found)} {kind} {name} under {under}"
    return found[0]


def container(deployment: str) -> dict[str, Any]:
    (only,) = one("Deployment", deployment)["spec"]["template"]["spec"]["containers"]
    return only


def pod_environment(deployment: str) -> dict[str, str]:
    """The variables a Deployment's container gets: its ConfigMaps and Secrets whole, then env."""
    spec = container(deployment)
    environment: dict[str, str] = {}
    for source in spec.get("envFrom", []):
        if "configMapRef" in source:
            environment.update(one("ConfigMap", source["configMapRef"]["name"])["data"])
        if "secretRef" in source:
            environment.update(one("Secret", source["secretRef"]["name"])["stringData"])
    environment.update({variable["name"]: variable["value"] for variable in spec.get("env", [])})
    return environment


def pod_settings(deployment: str) -> Settings:
    return Settings.from_env(pod_environment(deployment))


def interpolated(value: str) -> str:
    """A compose value with ${NAME:-default} as its default and ${NAME:?error} as a stand-in."""
    value = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)
    return re.sub(r"\$\{[A-Z_]+:\?[^}]*\}", "secret", value)


def compose_environment(override: dict[str, Any], service: str) -> dict[str, str]:
    """A service's environment once compose.yaml and the override are merged (by key)."""
    merged = {**BASE_COMPOSE["services"][service].get("environment", {})}
    merged.update(override["services"].get(service, {}).get("environment", {}))
    return {name: interpolated(str(value)) for name, value in merged.items()}


def test_every_manifest_names_its_api_kind_and_itself() -> None:
    assert MANIFESTS, "no manifests under deploy/kubernetes"
    for path, document in every_document():
        assert document.get("apiVersion"), path
        assert document.get("kind"), path
        assert document.get("metadata", {}).get("name"), path


def test_gateway_probes_ask_the_health_services_on_the_grpc_port() -> None:
    settings = pod_settings("resume-gateway")
    gateway = container("resume-gateway")
    assert gateway["livenessProbe"]["grpc"] == {"port": settings.grpc_port, "service": LIVENESS}
    assert gateway["readinessProbe"]["grpc"] == {"port": settings.grpc_port, "service": READINESS}
    ports = {port["name"]: port["containerPort"] for port in gateway["ports"]}
    assert ports["grpc"] == settings.grpc_port
    service = one("Service", "resume-gateway")
    assert service["spec"]["selector"] == one("Deployment", "resume-gateway")["spec"]["selector"]["matchLabels"]
    assert [port["targetPort"] for port in service["spec"]["ports"]] == ["grpc"]


def test_gateway_serves_tls_or_says_plaintext_is_meant() -> None:
    # Without either the gateway refuses to start.
    settings = pod_settings("resume-gateway")
    assert settings.grpc_plaintext or (settings.grpc_tls_cert and settings.grpc_tls_key)


def test_worker_liveness_is_the_heartbeat_not_redis() -> None:
    probe = container("resume-worker")["livenessProbe"]
    # --require-redis would restart every worker during a Redis outage, which cures nothing.
    assert probe["exec"]["command"] == ["python", "-m", "analysis_worker", "healthcheck"]


def test_grace_periods_outlast_the_services_own() -> None:
    gateway = pod_settings("resume-gateway")
    worker = pod_settings("resume-worker")
    defaults = Settings()
    gateway_period = one("Deployment", "resume-gateway")["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    worker_period = one("Deployment", "resume-worker")["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    for settings in (gateway, defaults):
        assert gateway_period > settings.gateway_drain + settings.gateway_grace
    for settings in (worker, defaults):
        assert worker_period > settings.worker_grace


def test_metrics_are_scraped_where_they_are_served() -> None:
    for deployment, port in (
        ("resume-gateway", pod_settings("resume-gateway").gateway_metrics_port),
        ("resume-worker", pod_settings("resume-worker").worker_metrics_port),
    ):
        template = one("Deployment", deployment)["spec"]["template"]
        assert template["metadata"]["annotations"]["prometheus.io/port"] == str(port)
        assert port in [entry["containerPort"] for entry in container(deployment)["ports"]]
    # Process n of GATEWAY_PROCESSES serves on the metrics port + n, beyond one annotation.
    assert pod_settings("resume-gateway").gateway_processes == 1


def test_worker_memory_limit_lets_the_extraction_limit_act_first() -> None:
    settings = pod_settings("resume-worker")
    limit = container("resume-worker")["resources"]["limits"]["memory"]
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", limit).groups()
    limit_bytes = int(number) * {"Mi": 2**20, "Gi": 2**30}[unit]
    assert limit_bytes > pool_size(settings) * settings.extraction_memory_bytes


def test_every_variable_set_is_a_setting() -> None:
    named: dict[str, set[str]] = {}
    for path, document in every_document():
        if document["kind"] == "ConfigMap":
            named.setdefault(str(path), set()).update(document["data"])
        if document["kind"] == "Secret" and document.get("type") == "Opaque":
            named.setdefault(str(path), set()).update(document["stringData"])
        if document["kind"] == "Deployment":
            for spec in document["spec"]["template"]["spec"]["containers"]:
                named.setdefault(str(path), set()).update(variable["name"] for variable in spec.get("env", []))
        if document["kind"] == "ScaledObject":
            for trigger in document["spec"]["triggers"]:
                named.setdefault(str(path), set()).update(
                    value for key, value in trigger["metadata"].items() if key.endswith("FromEnv")
                )
    for path in OVERRIDES:
        override = yaml.safe_load(path.read_text())
        for service in SERVICES_OF_THE_IMAGE:
            named.setdefault(str(path), set()).update(compose_environment(override, service))
    for path, names in named.items():
        assert names <= SETTINGS_VARIABLES, f"{path}: {sorted(names - SETTINGS_VARIABLES)} are not settings"


def test_the_pods_start_in_sentinel_mode_with_a_replica_acknowledging() -> None:
    # Settings itself refuses what the services would not start with (no sentinels, a
    # cluster prefix without a hash tag, REDIS_WAIT_REPLICAS with a cluster).
    for deployment in ("resume-gateway", "resume-worker"):
        settings = pod_settings(deployment)
        assert settings.redis_mode == "sentinel" and settings.redis_wait_replicas >= 1


def keda_prometheus_query() -> str:
    (trigger,) = one("ScaledObject", "resume-worker", KUBERNETES / "autoscaling" / "keda-prometheus.yaml")[
        "spec"]["triggers"]
    assert trigger["type"] == "prometheus"
    return trigger["metadata"]["query"]


def test_autoscaling_follows_the_waiting_jobs_the_gateway_exports() -> None:
    (metric,) = QUEUE_JOBS.describe()
    query = keda_prometheus_query()
    match = re.search(r"([a-zA-Z_:][a-zA-Z0-9_:]*)\{(\w+)=\"(\w+)\"\}", query)
    assert match, query
    name, label, state = match.groups()
    assert (name, label) == (metric.name, "state") and state in COUNTED_STATES
    assert "state" in QUEUE_JOBS._labelnames
    # Every gateway exports the one queue's count: a sum would grow with the gateways.
    assert query.startswith("max(")
    (hpa_metric,) = one("HorizontalPodAutoscaler", "resume-worker")["spec"]["metrics"]
    assert hpa_metric["external"]["metric"]["name"] == metric.name
    assert hpa_metric["external"]["metric"]["selector"]["matchLabels"] == {"state": state}


def test_redis_trigger_reads_the_bullmq_wait_list_of_the_queue_database() -> None:
    settings = pod_settings("resume-worker")
    (trigger,) = one("ScaledObject", "resume-worker", KUBERNETES / "autoscaling" / "keda-redis.yaml")[
        "spec"]["triggers"]
    assert trigger["metadata"]["listName"] == queue_key(settings.queue_prefix, "wait")
    assert trigger["metadata"]["databaseIndex"] == str(settings.queue_db)
    assert trigger["metadata"]["addresses"] == settings.redis_sentinels


@pytest.mark.parametrize("path", sorted((KUBERNETES / "autoscaling").glob("*.yaml")), ids=lambda path: path.name)
def test_autoscalers_remove_workers_slower_than_they_stop(path: Path) -> None:
    worker_period = one("Deployment", "resume-worker")["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    (autoscaler,) = documents(path)
    spec = autoscaler["spec"]
    if autoscaler["kind"] == "ScaledObject":
        assert spec["scaleTargetRef"]["name"] == "resume-worker"
        behavior = spec["advanced"]["horizontalPodAutoscalerConfig"]["behavior"]
        low, high = spec["minReplicaCount"], spec["maxReplicaCount"]
    else:
        assert spec["scaleTargetRef"]["name"] == "resume-worker"
        behavior = spec["behavior"]
        low, high = spec["minReplicas"], spec["maxReplicas"]
    assert 1 <= low < high
    for policy in behavior["scaleDown"]["policies"]:
        assert policy["periodSeconds"] > worker_period


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda path: path.name)
def test_compose_override_follows_the_compose_schema(path: Path) -> None:
    schema = json.loads((ROOT / "tests" / "data" / "compose_spec.json").read_text())
    jsonschema.validate(yaml.safe_load(path.read_text()), schema)


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda path: path.name)
def test_compose_override_extends_the_services_of_compose_yaml(path: Path) -> None:
    override = yaml.safe_load(path.read_text())
    base = BASE_COMPOSE["services"]
    services = set(base) | set(override["services"])
    for name, service in override["services"].items():
        # A service the override only amends must exist in compose.yaml: a misspelt name
        # would start a new service with no image.
        assert name in base or "image" in service, f"{path.name}: {name}"
        assert set(service.get("depends_on", {})) <= services, f"{path.name}: {name}"
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            assert source in override.get("volumes", {}) or source in BASE_COMPOSE.get("volumes", {}), volume
    for service in SERVICES_OF_THE_IMAGE:
        environment = compose_environment(override, service)
        # What the services would refuse at start (sentinels missing, a prefix without a hash tag).
        settings = Settings.from_env(environment)
        assert settings.redis_mode in path.name


def test_sentinel_override_waits_for_a_replica() -> None:
    override = yaml.safe_load(OVERRIDES[0].read_text())
    settings = Settings.from_env(compose_environment(override, "gateway"))
    assert settings.redis_wait_replicas == 1
    sentinels = [host for host, _ in host_ports(settings.redis_sentinels)]
    assert sorted(sentinels) == sorted(name for name in override["services"] if name.startswith("sentinel-"))
    assert len(sentinels) == 3


def test_cluster_override_hash_tags_the_prefix_and_creates_the_cluster_once() -> None:
    override = yaml.safe_load(OVERRIDES[1].read_text())
    settings = Settings.from_env(compose_environment(override, "worker"))
    assert settings.queue_prefix == "{bull}"
    services = override["services"]
    nodes = [name for name, service in services.items() if "--cluster-enabled" in service.get("command", [])]
    assert sorted((node, 6379) for node in nodes) == sorted(host_ports(settings.redis_cluster_nodes))
    create = services["redis-cluster-create"]
    assert "--cluster create" in create["command"][-1]
    for service in SERVICES_OF_THE_IMAGE:
        condition = services[service]["depends_on"]["redis-cluster-create"]["condition"]
        assert condition == "service_completed_successfully"
