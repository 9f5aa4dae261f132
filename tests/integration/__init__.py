"""The services together: real Redis, PostgreSQL, the gRPC server and worker processes."""
