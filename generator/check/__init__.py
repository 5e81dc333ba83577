"""Drift check and API changelog: compare two revisions of the generated OpenAPI documents."""
