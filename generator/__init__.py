"""Guantong's generator: data/ (YAML) → validated model → docs/ (Markdown + JSON) → site/ (MkDocs).

Modules, in the order the data flows through them:

- ``paths``      where things live in the repository;
- ``errors``     the one error type a person sees when data is wrong;
- ``yamlio``     reading a YAML file while remembering the line of every key;
- ``load``       reading every data file and checking it against its JSON Schema;
- ``crossrefs``  checks that span files (ids, slugs, references, translations);
- ``model``      the read-only, indexed view of the data that rendering uses;
- ``pinyin``     pinyin of names, with reviewed overrides;
- ``templating`` page-chrome strings, template helpers and the line-aware Jinja2 environment;
- ``pages``      which pages exist, rendered in both languages into docs/<lang>/;
- ``ladder``     the skill/title ladder diagram (SVG) drawn from the rules (geometry in ``ladder_layout``);
- ``finder``     the occupation finder's prebuilt lunr index;
- ``downloads``  the catalogue as JSON and CSV;
- ``footer``     the data version and validity shown in every footer;
- ``build``      the whole pipeline, building into a temporary folder and swapping on success;
- ``dist``, ``pocket``  the offline zip and the one-file pocket edition;
- ``serve``      ``make serve``: build, serve, rebuild on changes;
- ``eligibility`` the eligibility rules document, its Python engine, CLI and page data.
"""
