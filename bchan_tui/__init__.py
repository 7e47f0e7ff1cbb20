"""bchan: a keyboard-driven terminal dashboard for back channels."""

__version__ = "0.1.0"

__all__ = ["__version__"]
