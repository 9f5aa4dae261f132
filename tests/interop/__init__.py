"""Other parties: Node.js BullMQ and gRPC clients, the Kubernetes and compose deployments."""
