"""Every entry point in pyproject.toml resolves: spaCy factories and the console script."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import spacy
from spacy.language import Language

from newstag import cli
from newstag.pipeline import COMPONENTS


def _factory_eps():
    return {ep.name: ep for ep in entry_points(group="spacy_factories") if ep.name.startswith("newstag_")}


def test_every_component_is_published():
    assert set(_factory_eps()) == set(COMPONENTS)


def test_factory_entry_points_resolve_to_the_registered_factories():
    for name, ep in _factory_eps().items():
        factory = ep.load()
        assert callable(factory), name
        assert Language.has_factory(name)
        assert spacy.registry.factories.get(name) is factory, name


def test_console_script_resolves_to_cli_main():
    (ep,) = [ep for ep in entry_points(group="console_scripts") if ep.name == "newstag"]
    assert ep.load() is cli.main


def test_factories_found_without_importing_newstag(tmp_path):
    """A user's pipeline, and a saved one, get the components through the entry points alone."""
    saved = spacy.blank("xx")
    for name in COMPONENTS:
        saved.add_pipe(name)
    saved.to_disk(tmp_path / "pipeline")
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('xx')\n"
        f"for name in {list(COMPONENTS)!r}:\n"
        "    nlp.add_pipe(name)\n"
        "print(' '.join(nlp.pipe_names))\n"
        f"print(' '.join(spacy.load({str(tmp_path / 'pipeline')!r}).pipe_names))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [" ".join(COMPONENTS)] * 2
