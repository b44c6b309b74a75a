"""Guantong's generator: data/ (YAML) → validated model → docs/ (Markdown + JSON) → site/ (MkDocs).

Modules, in the order the data flows through them:

- ``paths``      where things live in the repository;
- ``errors``     the one error type a person sees when data is wrong;
- ``yamlio``     reading a YAML file while remembering the line of every key;
- ``load``       reading every data file and checking it against its JSON Schema;
- ``crossrefs``  checks that span files (ids, slugs, references, translations);
- ``model``      the read-only, indexed view of the data that rendering uses;
- ``pages``      Jinja2 rendering of the bilingual pages into docs/<lang>/;
- ``downloads``  the catalogue as JSON and CSV;
- ``build``      the whole pipeline, building into a temporary folder and swapping on success;
- ``eligibility`` the eligibility rules document and its Python engine.
"""
