"""The development stack `make run` starts: embedded Redis and PostgreSQL when none is
configured, the gateway and the worker. Not used by the services themselves."""
