"""Write ``newstag_tour.ipynb`` (without outputs) from the cells below.

Run ``python examples/build_tour.py`` after editing a cell; the notebook is committed without outputs.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    ("md", """# A tour of newstag

newstag turns Japanese news articles into structured data: entities, dates, quotes and events,
each with character offsets into the article text and the rule that produced it.

This notebook tags the sample articles in `data/examples/`, shows the HTML view of an article and
builds pandas DataFrames across articles."""),
    ("code", """from pathlib import Path

import newstag

# data/examples/ of the repository, wherever the notebook is run from
DATA = next(p / "data" / "examples" for p in [Path.cwd(), *Path.cwd().parents] if (p / "data" / "examples").is_dir())
sorted(p.name for p in DATA.iterdir())"""),
    ("md", """## Tag the sample articles

`Tagger()` loads GiNZA once. `pipe` takes texts or `(text, metadata)` pairs; the publication date
anchors relative dates (「4日」, 「来月」). The HTML page carries its own date, the scraped page and
the clean article get theirs from the metadata. A scraped page's menus, rankings and related
headlines are left out: only the title and the body are tagged."""),
    ("code", """tagger = newstag.Tagger()

def read(name):
    return (DATA / name).read_text(encoding="utf-8")

items = [
    (read("scraped_page.txt"), {"id": "scraped_page", "published": "2025-03-05"}),
    (read("clean_article.txt"), {"id": "clean_article", "published": "2025-06-11"}),
    (read("article.html"), {"id": "article_html"}),
]
articles = list(tagger.pipe(items))
[(a.id, a.published, a.title) for a in articles]"""),
    ("md", """## The HTML view

An `Article` displays itself: entity mentions coloured by type, dates and event triggers marked,
quotes highlighted with their speaker, then tables of entities, dates, quotes and events. Hover
over a highlight to see its id and the rule that produced it."""),
    ("code", """articles[0]"""),
    ("code", """from IPython.display import display

for a in articles[1:]:
    display(a)"""),
    ("md", """The same HTML outside a notebook: `newstag.display.render(article)` returns it as a string, and
`render(article, path)` also writes a standalone page."""),
    ("code", """import tempfile

page = Path(tempfile.mkdtemp()) / "scraped_page.html"
html = newstag.display.render(articles[0], page)
page, len(html)"""),
    ("md", """## DataFrames across articles

`newstag.to_frame(articles, kind=...)` gives one row per entity, mention, date, quote or event,
with an `article` column (the article's id). Entity ids are resolved to names alongside."""),
    ("code", """entities = newstag.to_frame(articles, kind="entities")
entities[["article", "id", "type", "name", "titles", "n_mentions", "affiliation_name"]]"""),
    ("code", """events = newstag.to_frame(articles, kind="events")
events[["article", "id", "type", "trigger", "participants", "date", "place_name", "status", "stance"]]"""),
    ("md", """Events by type and article, and one row per participant (the participant columns are
parallel lists: ids, names and roles)."""),
    ("code", """events.groupby(["article", "type"]).size().unstack(fill_value=0)"""),
    ("code", """participants = events.explode(["participant_ids", "participant_names", "participant_roles"])
participants[["article", "id", "type", "participant_names", "participant_roles"]].dropna()"""),
    ("code", """quotes = newstag.to_frame(articles, kind="quotes")
quotes[["article", "speaker_name", "text", "cue"]]"""),
    ("md", """## Next

- `newstag.load()` gives the spaCy pipeline (`ja_ginza` + the `newstag_*` components); results are
  on the Doc as span groups `doc.spans["newstag_*"]` and as `doc._.newstag_article`.
- `newstag batch in.jsonl -o out.jsonl` tags many articles from the shell."""),
]


def build() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in CELLS:
        nb.cells.append(new_markdown_cell(source) if kind == "md" else new_code_cell(source))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"  # stable ids: rebuilding gives the same file
    return nb


if __name__ == "__main__":
    out = Path(__file__).with_name("newstag_tour.ipynb")
    nbformat.write(build(), out)
    print(f"wrote {out}")
