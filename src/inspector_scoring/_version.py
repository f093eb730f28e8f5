"""The package version, in one place (read by hatchling and by the engine string)."""

__version__ = "0.1.0"
