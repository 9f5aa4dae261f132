import pytest

from common.config import FILE_BYTES_CEILING, MIB, PAGES_CEILING, Settings


def test_defaults_match_the_documented_ones() -> None:
    settings = Settings.from_env({})
    assert (settings.redis_host, settings.redis_port) == ("localhost", 6379)
    assert (settings.cache_db, settings.queue_db) == (0, 1)
    assert settings.max_file_bytes == 10 * MIB
    assert settings.max_message_bytes > settings.max_file_bytes


def test_environment_overrides_and_parses_types() -> None:
    settings = Settings.from_env(
        {
            "REDIS_HOST": "redis.internal",
            "REDIS_PORT": "6380",
            "REDIS_PASSWORD": "s3cret",
            "REDIS_MAX_RETRIES": "7",
            "WORKER_CONCURRENCY": "12",
            "FETCH_ALLOW_PRIVATE": "true",
            "JOB_TIMEOUT": "2.5",
        }
    )
    assert settings.redis_host == "redis.internal"
    assert settings.redis_port == 6380
    assert settings.redis_password == "s3cret"
    assert settings.redis_max_retries == 7
    assert settings.worker_concurrency == 12
    assert settings.fetch_allow_private is True
    assert settings.job_timeout == 2.5


def test_a_malformed_value_names_the_variable() -> None:
    with pytest.raises(ValueError, match="REDIS_PORT='sixty' is not a valid int"):
        Settings.from_env({"REDIS_PORT": "sixty"})
    with pytest.raises(ValueError, match="FETCH_ALLOW_PRIVATE"):
        Settings.from_env({"FETCH_ALLOW_PRIVATE": "maybe"})


@pytest.mark.parametrize("name", ["MAX_FILE_BYTES", "MAX_PAGES"])
def test_a_limit_above_its_hard_ceiling_is_refused(name: str) -> None:
    ceiling = {"MAX_FILE_BYTES": FILE_BYTES_CEILING, "MAX_PAGES": PAGES_CEILING}[name]
    assert Settings.from_env({name: str(ceiling)})
    with pytest.raises(ValueError, match=f"{name}={ceiling + 1} is not between 1 and its hard ceiling"):
        Settings.from_env({name: str(ceiling + 1)})


def test_gap_months() -> None:
    from analysis_worker.analysis import DEFAULT_GAP_MONTHS

    # The analysis called without settings (tests, evaluation) reports the gaps the service does.
    assert Settings.from_env({}).gap_months == DEFAULT_GAP_MONTHS == 6
    assert Settings.from_env({"GAP_MONTHS": "0"}).gap_months == 0
    with pytest.raises(ValueError, match="GAP_MONTHS=-1 is negative"):
        Settings.from_env({"GAP_MONTHS": "-1"})
