"""The example notebook runs headless, in this environment's interpreter, and shows what it says."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
kernelspec = pytest.importorskip("ipykernel.kernelspec")

NOTEBOOK = ROOT / "examples" / "newstag_tour.ipynb"


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
    nb.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.executable)"))
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert Path(nb.cells[-1].outputs[0].text.strip()) == Path(sys.executable)
    html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # three article views and the DataFrames
    assert sum('class="newstag-article"' in h for h in html) == 3
    for ident in ("scraped_page", "clean_article", "article_html"):
        assert any(f" · id {ident}</div>" in h for h in html), ident
    events_cell = next(c for c in nb.cells if c.source.startswith("events = newstag.to_frame"))
    assert "participants" in events_cell.outputs[0].data["text/plain"]
