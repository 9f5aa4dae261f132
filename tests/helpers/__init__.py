"""Helpers the tests share: services and child processes, and files built to order."""
