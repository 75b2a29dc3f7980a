"""The public surface is short, sorted and complete (httpx's habit)."""

from __future__ import annotations

import eventwire


def test_all_is_sorted_and_exported() -> None:
    assert eventwire.__all__ == sorted(eventwire.__all__, key=str.casefold) or eventwire.__all__ == sorted(
        eventwire.__all__
    )
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name


def test_public_names_of_the_package_are_all_listed() -> None:
    public = {n for n in vars(eventwire) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(eventwire, n)).__name__ == "module"}
    assert public - modules - {"annotations"} == set(eventwire.__all__) - {"__version__"}
