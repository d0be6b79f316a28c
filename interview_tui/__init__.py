"""interview-tui: prepare, run and learn from informational interviews in the terminal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("interview-tui")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
