"""The example notebook runs headless, in this environment's interpreter, and shows what it says."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
kernelspec = pytest.importorskip("ipykernel.kernelspec")

NOTEBOOK = ROOT / "examples" / "newstag_tour.ipynb"


def _same_interpreter(a: str, b: str) -> bool:
    """Two interpreter paths name the same venv's python: folders resolved (``..``, symlinked folders), the
    file itself not (a venv's ``bin/python`` links to the base interpreter, which every venv shares)."""
    pa, pb = Path(a), Path(b)
    return (pa.parent.resolve(), pa.name) == (pb.parent.resolve(), pb.name)


@pytest.mark.parametrize("a, b, same", [
    ("/opt/x/.venv/bin/python", "/opt/x/.venv/bin/python", True),
    ("/opt/x/sub/../.venv/bin/python", "/opt/x/.venv/bin/python", True),
    ("/opt/x/.venv/bin/python", "/opt/y/.venv/bin/python", False),
    ("/opt/x/.venv/bin/python", "/opt/x/.venv/bin/python3", False),
])
def test_same_interpreter(a, b, same):
    assert _same_interpreter(a, b) is same


def test_notebook_is_committed_without_outputs_and_up_to_date():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    sys.path.insert(0, str(NOTEBOOK.parent))
    try:
        from build_tour import build
    finally:
        sys.path.remove(str(NOTEBOOK.parent))
    assert [c.source for c in build().cells] == [c.source for c in nb.cells]


def test_notebook_runs(tmp_path, monkeypatch):
    # a "python3" kernelspec for *this* interpreter, found first (JUPYTER_PATH wins over user and
    # system specs), so the run needs nothing installed by hand and ignores stale kernels
    kernelspec.install(kernel_name="python3", prefix=str(tmp_path))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share" / "jupyter"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import json, sys; print(json.dumps([sys.executable, sys.prefix]))"))
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    executable, prefix = json.loads(nb.cells[-1].outputs[0].text)
    assert _same_interpreter(executable, sys.executable), (executable, sys.executable)
    assert Path(prefix).resolve() == Path(sys.prefix).resolve()
    html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # three article views and the DataFrames
    assert sum('class="newstag-article"' in h for h in html) == 3
    for ident in ("scraped_page", "clean_article", "article_html"):
        assert any(f" · id {ident}</div>" in h for h in html), ident
    events_cell = next(c for c in nb.cells if c.source.startswith("events = newstag.to_frame"))
    assert "participants" in events_cell.outputs[0].data["text/plain"]
    # the network (printed, tabled, drawn) and the timeline (tabled, drawn)
    network_cell = next(c for c in nb.cells if "graph = newstag.network(articles)" in c.source)
    assert network_cell.outputs[0].text.startswith("MultiGraph with ")
    assert "between" in network_cell.outputs[1].data["text/plain"]
    timeline_cell = next(c for c in nb.cells if c.source.startswith("timeline = newstag.timeline"))
    assert "precision" in timeline_cell.outputs[0].data["text/plain"]
    drawn = [c for c in nb.cells if any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
    assert [("nx.draw_networkx" in c.source, "ax.scatter" in c.source) for c in drawn] == [(True, False), (False, True)]
    streams = [o.text for c in nb.cells for o in c.get("outputs", []) if o.output_type == "stream" and o.name == "stderr"]
    assert not [t for t in streams if "Glyph" in t and "missing" in t]  # the labels have a Japanese font
