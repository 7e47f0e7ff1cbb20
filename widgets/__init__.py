"""Reusable view pieces of the bchan dashboard."""

__all__: list[str] = []
