"""Eligibility: the policy's rules as one JSON document, and the engines that read it.

- ``rules_json``  turns data/rules.yaml (with the glossary, catalogue, occupations and committees) into the
                  rules document, the only source of rules, levels, honours and labels for both engines;
- ``engine``      the pure Python engine: ``validate_profile`` and ``evaluate`` (data in, result out);
- ``cli``         ``python -m generator check [FILE|-]``.

The JavaScript engine (overrides/assets/javascripts/eligibility.js) reads the same document and must give
the same result for every profile; tests/cases/eligibility.yaml runs through both.
"""
