"""interview-tui: prepare, run and learn from informational interviews in the terminal."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on demand: importlib.metadata costs tens of milliseconds at start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("interview-tui")
        except PackageNotFoundError:  # a checkout that was never installed
            return "0.0.0+checkout"
    raise AttributeError(name)
