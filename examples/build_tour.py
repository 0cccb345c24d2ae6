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

This notebook tags the sample articles in `data/examples/`, shows the HTML view of an article,
builds pandas DataFrames across articles, and draws the network of who met, called or visited whom
and the timeline of dated events."""),
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
    ("md", """## The event network

`newstag.network(articles)` joins the entities of all articles by name into one `networkx` graph:
a node per name (with its `type`, the `articles` it appears in and its number of `mentions`), an
edge per event between two of its participants (with the event's `type`, `date`, `status`,
`article`, `rule` and the participants' `roles`). A visit also links the visitor to the place.
Names written differently in two articles (石破茂 / 石破首相) are joined only when the articles
give the same fullest name."""),
    ("code", """import networkx as nx
import pandas as pd

graph = newstag.network(articles)
print(graph)
edges = pd.DataFrame([{**d, "between": " / ".join(f"{n} ({r})" for n, r in d["roles"].items())}
                      for _, _, d in graph.edges(data=True)])
edges[["article", "type", "between", "date", "status", "rule"]]"""),
    ("code", """import matplotlib.patches as mpatches
import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401 - a Japanese font for the labels

COLOURS = {"PERSON": "#74c0fc", "ORG": "#ffc078", "PLACE": "#8ce99a"}

# one line per linked pair, labelled with its events (their dates are in the timeline below);
# entities in no event are left out of the drawing
pairs = nx.Graph()
for u, v, d in graph.edges(data=True):
    if pairs.has_edge(u, v):
        pairs[u][v]["label"] += "\\n" + d["type"]
    else:
        pairs.add_edge(u, v, label=d["type"])

# connected groups side by side, largest first; in each, the best-linked name in the middle
pos = {}
groups = sorted(nx.connected_components(pairs), key=len, reverse=True)
for i, group in enumerate(groups):
    hub = max(sorted(group), key=pairs.degree)
    layout = nx.shell_layout(pairs.subgraph(group), nlist=[[hub], sorted(group - {hub})])
    layout = nx.rescale_layout_dict(layout, scale=1.5)
    pos.update({n: (5 * (i % 3) + x, -3.6 * (i // 3) + y) for n, (x, y) in layout.items()})

font = plt.rcParams["font.family"][0]
fig, ax = plt.subplots(figsize=(14, 3.6 * ((len(groups) + 2) // 3) + 0.5))
nx.draw_networkx_nodes(pairs, pos, ax=ax, node_size=300,
                       node_color=[COLOURS[graph.nodes[n]["type"]] for n in pairs])
nx.draw_networkx_edges(pairs, pos, ax=ax, edge_color="#adb5bd")
# names under their nodes, so that they keep clear of the edges' labels
nx.draw_networkx_labels(pairs, {n: (x, y - 0.28) for n, (x, y) in pos.items()}, ax=ax, font_size=9,
                        font_family=font, verticalalignment="top")
nx.draw_networkx_edge_labels(pairs, pos, ax=ax, font_size=7, font_family=font, rotate=False,
                             edge_labels=nx.get_edge_attributes(pairs, "label"))
ax.set_aspect("equal")
ax.margins(0.08)
ax.legend(handles=[mpatches.Patch(color=c, label=t) for t, c in COLOURS.items()], loc="upper right")
ax.set_title("Who met, called or visited whom")
ax.axis("off")
plt.show()"""),
    ("md", """## The timeline

`newstag.timeline(articles)` is the DataFrame of dated events in time order: the columns of
`to_frame(kind="events")` after `time` (where the event's date starts) and `precision` (`day`,
`week`, `month`, `year`). Planned events are drawn hollow."""),
    ("code", """timeline = newstag.timeline(articles)
timeline[["time", "precision", "article", "type", "participants", "status"]]"""),
    ("code", """from collections import Counter

types = sorted(timeline["type"].unique())
fig, ax = plt.subplots(figsize=(10, 3.5))
on_line = Counter()
for row in timeline.itertuples():
    y = types.index(row.type)
    planned = row.status != "occurred"
    ax.scatter(row.time, y, s=70, color="#4263eb", facecolors="none" if planned else "#4263eb")
    above = on_line[y] % 2 == 0  # labels on one line go above and below in turn
    on_line[y] += 1
    ax.annotate(" / ".join(row.participant_names), (row.time, y), xytext=(6, 6 if above else -13),
                textcoords="offset points", fontsize=8)
ax.set_yticks(range(len(types)), types)
ax.set_ylim(-0.7, len(types) - 0.3)
ax.set_title("Dated events")
fig.autofmt_xdate()
plt.show()"""),
    ("md", """## Next

- `newstag.load()` gives the spaCy pipeline (`ja_ginza` + the `newstag_*` components); results are
  on the Doc as span groups `doc.spans["newstag_*"]` and as `doc._.newstag_article`.
- `newstag batch pages/ -o out.jsonl` tags a folder of pages (or JSONL records) from the shell;
  `-f parquet -o tables/` writes one Parquet table per kind, and `--resume` continues a run that
  was stopped."""),
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
