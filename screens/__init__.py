"""Screens and modals of the bchan dashboard."""

__all__: list[str] = []
