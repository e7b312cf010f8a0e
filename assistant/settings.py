"""Re-export for the layers above: the settings object lives in `knowledge.settings`."""

from knowledge.settings import DEFAULT_CORPUS, PACKAGE_ROOT, Settings, default, get_settings

__all__ = ["DEFAULT_CORPUS", "PACKAGE_ROOT", "Settings", "default", "get_settings"]
