"""Use cases as plain functions over a database handle; no Qt."""
