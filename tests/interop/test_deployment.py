"""compose.yaml and the Dockerfile hold what operators rely on."""

from __future__ import annotations

import json

import jsonschema
import yaml

from tests.helpers.support import ROOT

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_file_follows_the_compose_schema() -> None:
    schema = json.loads((ROOT / "tests" / "data" / "compose_spec.json").read_text())
    jsonschema.validate(COMPOSE, schema)


def test_redis_keeps_queue_keys_and_persists_them() -> None:
    command = COMPOSE["services"]["redis"]["command"]
    options = dict(zip(command[1::2], command[2::2], strict=True))
    assert options["--maxmemory-policy"] == "noeviction"
    assert options["--appendonly"] == "yes"
    assert options["--requirepass"].startswith("${REDIS_PASSWORD")


def test_the_cache_has_a_redis_of_its_own_that_evicts() -> None:
    services = COMPOSE["services"]
    command = services["redis-cache"]["command"]
    options = dict(zip(command[1::2], command[2::2], strict=True))
    assert options["--maxmemory-policy"] == "allkeys-lru" and options["--appendonly"] == "no"
    for name in ("gateway", "worker"):
        assert services[name]["environment"]["CACHE_REDIS_HOST"] == "redis-cache"
        assert services[name]["depends_on"]["redis-cache"]["condition"] == "service_healthy"


def test_services_probe_and_stop_gracefully() -> None:
    services = COMPOSE["services"]
    assert services["gateway"]["healthcheck"]["test"][1] == "grpc_health_probe"
    assert "-service=readiness" in services["gateway"]["healthcheck"]["test"]
    assert services["worker"]["healthcheck"]["test"][1:] == ["python", "-m", "analysis_worker", "healthcheck"]
    # Workers scale with --scale: no fixed container name or published port.
    assert "container_name" not in services["worker"] and "ports" not in services["worker"]
    assert services["worker"]["stop_grace_period"] == "35s"
    assert services["dashboard"]["profiles"] == ["dashboard"]
    for name in ("gateway", "worker", "dashboard"):
        assert services[name]["environment"]["REDIS_PASSWORD"].startswith("${REDIS_PASSWORD")


def test_image_is_multi_stage_non_root_with_the_probe() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.count("\nFROM ") + dockerfile.startswith("FROM ") >= 2
    assert "USER 10001" in dockerfile
    assert "/usr/local/bin/grpc_health_probe" in dockerfile


def test_postgres_keeps_its_data_and_both_services_use_it() -> None:
    services = COMPOSE["services"]
    assert any(volume.startswith("postgres-data:") for volume in services["postgres"]["volumes"])
    assert "postgres-data" in COMPOSE["volumes"]
    for name in ("gateway", "worker"):
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgresql://")
        assert services[name]["depends_on"]["postgres"]["condition"] == "service_healthy"
