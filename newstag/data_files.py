"""Reading the data files shipped inside newstag's feature packages."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def package_text(package: str, name: str) -> str:
    """The text of ``data/<name>`` shipped in ``package`` (e.g. ``newstag.dates``)."""
    return resources.files(package).joinpath("data", name).read_text(encoding="utf-8")


def package_json(package: str, name: str) -> Any:
    """The parsed JSON of ``data/<name>`` shipped in ``package``."""
    return json.loads(package_text(package, name))
