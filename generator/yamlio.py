"""Reading one YAML file while remembering the line of every key and list item.

Errors name a line as well as a key path, so ``read_yaml`` returns the data and a map from key paths
(tuples such as ``(3, "committees", 0)``) to 1-based line numbers.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import DataError, Problem
from .paths import rel

# libyaml's parser when PyYAML was built with it (about five times faster); same nodes, same marks.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_FAST_LOADER):
    """A safe loader that refuses duplicate keys instead of silently keeping the last one."""


class _ExplainingLoader(yaml.SafeLoader):
    """The pure-Python parser, used only to word a syntax error (its messages name the character)."""


class _DuplicateKey(yaml.constructor.ConstructorError):
    def __init__(self, key, first_line: int, mark):
        super().__init__(None, None, f"duplicate key {key!r}", mark)
        self.key, self.first_line = key, first_line


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise _DuplicateKey(key, seen[key], key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _lines(node, path=(), out=None):
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _lines(v, path + (k.value,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _lines(v, path + (i,), out)
    return out


def _compose_and_construct(text: str, loader_class):
    """Parse once: compose the node tree (kept for line numbers), then construct the data from it."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _python_parser_error(text: str) -> yaml.YAMLError | None:
    try:
        _compose_and_construct(text, _ExplainingLoader)
    except yaml.YAMLError as e:
        return e
    return None


def read_yaml(path: Path):
    """Return ``(data, lines)`` for a YAML file, or raise DataError naming file and line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(rel(path), "", "the file to exist", "no such file")]) from None
    except UnicodeDecodeError as e:
        line = e.object[:e.start].count(b"\n") + 1
        raise DataError([Problem(rel(path), "", "UTF-8 text (save the file as UTF-8)",
                                 f"undecodable byte 0x{e.object[e.start]:02x} at offset {e.start}", line)]) from None
    try:
        node, data = _compose_and_construct(text, _UniqueKeyLoader)
    except _DuplicateKey as e:
        raise DataError([Problem(rel(path), "", f"each key once in a mapping (the key {e.key!r} is first at "
                                 f"line {e.first_line})", f"{e.key!r} a second time", e.problem_mark.line + 1)]) from None
    except yaml.YAMLError as e:
        e = _python_parser_error(text) or e
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        context = getattr(e, "context", None)
        expected = "valid YAML" + (f" ({context})" if context else "")
        if "'\\t'" in str(problem):
            problem += " (indent with spaces, not tabs)"
        raise DataError([Problem(rel(path), "", expected, f"YAML syntax error: {problem}", line)]) from None
    return data, (_lines(node) if node is not None else {})


def format_path(path) -> str:
    """Render a key path as ``[3].committees[0]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(lines: dict, path) -> int | None:
    """The line of ``path``, or of its nearest ancestor that has one."""
    path = tuple(path)
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)
