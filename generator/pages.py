"""Rendering the bilingual pages: one Jinja2 template per page type, written to docs/<lang>/.

``page_specs(model)`` lists every page (template, path under docs/<lang>/, context); ``render_all``
renders each in both languages with the helpers of ``templating``. Templates only present: every fact
comes from the model, every label from ``templates/strings/*.yaml``. Links between pages are Markdown
links to .md files, so MkDocs checks them (strict) and writes the right URLs online and offline.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import ladder, printing, release
from .downloads import CSV_COLUMNS
from .eligibility.page_context import check_context, engine_context
from .finder import SCRIPTS as FINDER_SCRIPTS
from .model import Model
from .paths import LANGS, project_version
from .templating import PageHelpers, committee_path, load_strings, make_env, occupation_path, series_path


@dataclass
class PageSpec:
    template: str
    path: str  # relative to docs/<lang>/, e.g. "occupations/hangong.md"
    context: dict = field(default_factory=dict)
    per_lang: Callable[[PageHelpers], dict] | None = None  # more context, computed for each language's page


def page_specs(model: Model, offline: bool = False) -> list[PageSpec]:
    """Every page; ``offline`` for the zip's build (its downloads page describes the copy itself)."""
    finder = {"finder_scripts": list(FINDER_SCRIPTS)}
    specs = [
        PageSpec("home.md.j2", "index.md", {**finder, "edition": model.current_edition, "rules": model.rules}),
        PageSpec("catalogue.md.j2", "catalogue/index.md", finder),
        PageSpec("occupations_index.md.j2", "occupations/index.md"),
        PageSpec("committees_index.md.j2", "committees/index.md"),
        PageSpec("series_index.md.j2", "series/index.md"),
        PageSpec("glossary.md.j2", "glossary/index.md"),
        PageSpec("downloads.md.j2", "downloads/index.md", {"downloads_extra": [], "version": project_version(),
                                                         "offline_forms": release.offer(model.meta["data_version"], offline=offline),
                                                         "csv_columns": CSV_COLUMNS}),
        PageSpec("about.md.j2", "about/index.md"),
        PageSpec("changelog.md.j2", "changelog/index.md"),
        PageSpec("policy.md.j2", "policy/index.md", _policy_context(model, "policy/index.md")),
    ]
    specs += [PageSpec("policy.md.j2", path, _policy_context(model, path, v["edition"]))  # a later edition's text
              for v in model.views if (path := f"policy/{v['edition']['id']}/index.md") in model.clause_page.values()]
    summary = printing.skill_to_title(model.rules)  # the rules summary every occupation page prints
    specs += [PageSpec("occupation.md.j2", occupation_path(o), {"o": o, "print_summary": summary})
              for o in model.occupations]
    specs += [PageSpec("committee.md.j2", committee_path(c), {"c": c}) for c in model.committees]
    specs += [PageSpec("series.md.j2", series_path(s), {"s": s}) for s in model.series]
    specs += [
        PageSpec("check.md.j2", "check/index.md", check_context(model)),
        PageSpec("check_engine.md.j2", "check/engine.md", engine_context(model)),
        PageSpec("ladder.md.j2", "ladder/index.md", per_lang=ladder.page_context),
    ]
    return specs


def _policy_context(model: Model, path: str, edition: dict | None = None) -> dict:
    """The clauses one policy page prints (``model.clause_page``): their documents in the order the text
    prints them, and the forwarding chain; ``edition`` for a later edition's page (/policy/<id>/)."""
    by_doc: dict[str, list] = {}
    for c in model.clauses:
        if model.clause_page[c["id"]] == path:
            by_doc.setdefault(c.get("document", ""), []).append(c)
    docs = [d for d in model.documents if by_doc.get(d["id"])]
    forwarded = {d.get("forwards") for d in docs}
    chain = [d for d in docs if d.get("number") and d["id"] not in forwarded][:1]
    while chain and chain[-1].get("forwards"):
        chain.append(model.document[chain[-1]["forwards"]])
    return {"docs_in_order": docs, "clauses_by_doc": by_doc, "chain": chain, "edition": edition}


def render_all(model: Model, out_root: Path, offline: bool = False, only: set | None = None) -> list[Path]:
    """Render every page (or those whose path is in ``only``) in every language under ``out_root/<lang>/``;
    return the written paths."""
    env, strings, written = make_env(), load_strings(), []
    specs = page_specs(model, offline)
    paths = frozenset(s.path for s in specs)
    if len(paths) != len(specs):
        raise ValueError("two pages would be written to the same path")
    for lang in LANGS:
        for spec in (s for s in specs if only is None or s.path in only):
            h = PageHelpers(lang, spec.path, strings, model, paths)
            text = env.get_template(spec.template).render(
                model=model, lang=lang, h=h, t=h.t, page_path=spec.path, offline=offline, **spec.context,
                **(spec.per_lang(h) if spec.per_lang else {}))
            out = out_root / lang / spec.path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            written.append(out)
    return written
