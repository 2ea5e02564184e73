"""Run settings: which rules, their severities and options, references and people.

Built from command-line options (and, later, from a .quoteaudit.yml file); the
pipeline reads only this object.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from typing import Any

from . import rules as rule_registry
from .model import Severity


@dataclass
class Settings:
    """What a run checks and how: the rules in force, their severities and options, references, people."""
    select: set[str] | None = None  # None: every rule
    ignore: set[str] = field(default_factory=set)
    severities: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    references: Any = None  # references.ReferenceSet
    people: Any = None  # references.People
    fail_on: Severity | None = Severity.WARNING  # None: never fail on findings
    speaker_model: Any = None  # attribution.ranker.SpeakerModel; None: the shipped one
    cue_model: Any = None  # cue_model.CueModel; None: the shipped one

    def enabled(self, rule_id: str) -> bool:
        if rule_id in self.ignore:
            return False
        return self.select is None or rule_id in self.select

    def severity(self, rule_id: str) -> Severity:
        if rule_id in self.severities:
            return self.severities[rule_id]
        return Severity(rule_registry.get(rule_id).SEVERITY)

    def options(self, rule_id: str) -> dict[str, Any]:
        module = rule_registry.get(rule_id)
        merged = dict(getattr(module, "OPTIONS", {}))
        merged.update(self.rule_options.get(rule_id, {}))
        return merged


# ---------------------------------------------------------------- the config file

CONFIG_NAME = ".quoteaudit.yml"
_KEYS = {"rules", "select", "ignore", "references", "people", "matching", "include", "exclude", "fail_on",
         "reference_speakers", "max_file_mb", "max_record_mb"}
MAX_CONFIG_MB = 1.0  # a config file is a few lines
MAX_CONFIG_DEPTH = 20  # the deepest a valid config nests is 4
_RULE_KEYS = {"enabled", "severity", "options"}
_MATCHING_KEYS = {"match_threshold", "verbatim_threshold", "min_words", "paraphrase_threshold", "paraphrase_min_words"}


@dataclass
class FileConfig:
    """A config file as read (.quoteaudit.yml), before the command line is laid over it."""
    path: str
    select: set[str] | None = None
    ignore: set[str] = field(default_factory=set)
    severities: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str | None = None
    reference_speakers: dict[str, str] = field(default_factory=dict)  # plain transcript -> its speaker
    max_file_mb: float | None = None
    max_record_mb: float | None = None


class ConfigError(Exception):
    def __init__(self, path: str, message: str, line: int | None = None):
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path, self.message, self.line = path, message, line


def find_config(start_paths: list[str]) -> str | None:
    """The nearest .quoteaudit.yml from the first checked file's directory upward."""
    first = next((p for p in start_paths if p != "-"), None)
    here = os.path.abspath(first if first and os.path.isdir(first) else os.path.dirname(first) if first else ".")
    while True:
        candidate = os.path.join(here, CONFIG_NAME)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def load_config(path: str) -> FileConfig:
    """Read and validate a config file; every mistake is a ConfigError with its line."""
    import yaml

    from .document import InputErrorException, decode, read_bytes
    try:
        text = decode(read_bytes(path, MAX_CONFIG_MB), path)
    except InputErrorException as exc:
        raise ConfigError(path, exc.error.message, exc.error.line) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise ConfigError(path, f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    except RecursionError:
        raise ConfigError(path, "invalid YAML: nested too deeply") from None
    cfg = FileConfig(path=path)
    if node is None:
        return cfg
    _check_depth(path, node)
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, "expected a mapping of settings", node.start_mark.line + 1)
    base = os.path.dirname(os.path.abspath(path))
    registry = rule_registry.registry()
    for key_node, value in node.value:
        key, line = _key(path, key_node), key_node.start_mark.line + 1
        if key not in _KEYS:
            raise ConfigError(path, f"unknown key '{key}' (known: {', '.join(sorted(_KEYS))})", line)
        if key in ("select", "ignore"):
            ids = set(_string_list(path, value, key))
            _known_rules(path, ids, registry, value.start_mark.line + 1)
            if key == "select":
                cfg.select = ids
            else:
                cfg.ignore = ids
        elif key in ("references", "people"):
            files = [os.path.join(base, f) for f in _string_list(path, value, key)]
            for f, item in zip(files, value.value):
                if not os.path.isfile(f):
                    raise ConfigError(path, f"{key}: no such file '{item.value}'", item.start_mark.line + 1)
            getattr(cfg, key).extend(files)
        elif key in ("include", "exclude"):
            getattr(cfg, key).extend(_string_list(path, value, key))
        elif key == "fail_on":
            if not isinstance(value, yaml.ScalarNode) or value.value not in ("error", "warning", "info", "never"):
                raise ConfigError(path, "fail_on must be error, warning, info or never", value.start_mark.line + 1)
            cfg.fail_on = value.value
        elif key == "reference_speakers":
            cfg.reference_speakers.update(_speakers(path, value, base))
        elif key == "matching":
            cfg.rule_options["matching"] = _numbers(path, value, _MATCHING_KEYS, "matching")
        elif key in ("max_file_mb", "max_record_mb"):
            number = _number(path, value, key)
            if number <= 0:
                raise ConfigError(path, f"{key} must be a positive number of megabytes", value.start_mark.line + 1)
            setattr(cfg, key, number)
        elif key == "rules":
            _rules_section(path, value, cfg, registry)
    return cfg


def _speakers(path, node, base) -> dict[str, str]:
    """reference_speakers: {transcript file: the person speaking in it}."""
    import yaml
    if not isinstance(node, yaml.MappingNode) or not all(
            isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode) and v.value.strip()
            for k, v in node.value):
        raise ConfigError(path, "'reference_speakers' must map transcript files to speaker names",
                          node.start_mark.line + 1)
    return {os.path.join(base, k.value): v.value.strip() for k, v in node.value}


def _check_depth(path, root) -> None:
    """Refuse a document nested deeper than any valid config (walked without recursion)."""
    import yaml
    stack = [(root, 0)]
    seen = set()
    while stack:
        node, depth = stack.pop()
        if depth > MAX_CONFIG_DEPTH:
            raise ConfigError(path, f"nested deeper than {MAX_CONFIG_DEPTH} levels", node.start_mark.line + 1)
        if id(node) in seen:  # an alias: walked once
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)


def _key(path, node) -> str:
    """A mapping key: a plain string, not a list or mapping (YAML's '? [a, b]')."""
    import yaml
    if not isinstance(node, yaml.ScalarNode):
        raise ConfigError(path, "a key must be a plain word, not a list or mapping", node.start_mark.line + 1)
    return node.value


def _number(path, node, where) -> float:
    import yaml
    if isinstance(node, yaml.ScalarNode):
        try:
            value = float(node.value)
        except (TypeError, ValueError):
            pass
        else:
            if math.isfinite(value):
                return value
    raise ConfigError(path, f"{where} must be a number (finite)", node.start_mark.line + 1)


def _string_list(path, node, key) -> list[str]:
    import yaml
    if not isinstance(node, yaml.SequenceNode) or not all(isinstance(i, yaml.ScalarNode) for i in node.value):
        raise ConfigError(path, f"'{key}' must be a list of strings", node.start_mark.line + 1)
    return [i.value for i in node.value]


def _known_rules(path, ids, registry, line) -> None:
    unknown = sorted(i for i in ids if i not in registry)
    if unknown:
        raise ConfigError(path, f"unknown rule id: {', '.join(unknown)}", line)


def _numbers(path, node, allowed, where) -> dict[str, float]:
    import yaml
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, f"'{where}' must be a mapping", node.start_mark.line + 1)
    out = {}
    for k, v in node.value:
        key = _key(path, k)
        if key not in allowed:
            raise ConfigError(path, f"{where}: unknown key '{key}'", k.start_mark.line + 1)
        out[key] = _number(path, v, f"{where}.{key}")
    return out


def _rules_section(path, node, cfg: FileConfig, registry) -> None:
    import yaml
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, "'rules' must map rule ids to settings", node.start_mark.line + 1)
    for rule_node, settings in node.value:
        rule, line = _key(path, rule_node), rule_node.start_mark.line + 1
        _known_rules(path, {rule}, registry, line)
        if not isinstance(settings, yaml.MappingNode):
            raise ConfigError(path, f"rules.{rule} must be a mapping (enabled, severity, options)", line)
        for k, v in settings.value:
            kline = k.start_mark.line + 1
            if _key(path, k) not in _RULE_KEYS:
                raise ConfigError(path, f"rules.{rule}: unknown key '{k.value}'", kline)
            if k.value in ("enabled", "severity") and not isinstance(v, yaml.ScalarNode):
                raise ConfigError(path, f"rules.{rule}.{k.value} must be a single value", kline)
            if k.value == "enabled":
                if v.value not in ("true", "false"):
                    raise ConfigError(path, f"rules.{rule}.enabled must be true or false", kline)
                if v.value == "false":
                    cfg.ignore.add(rule)
            elif k.value == "severity":
                if v.value not in ("error", "warning", "info"):
                    raise ConfigError(path, f"rules.{rule}.severity must be error, warning or info", kline)
                cfg.severities[rule] = Severity(v.value)
            else:
                defaults = getattr(registry[rule], "OPTIONS", {})
                options = _numbers(path, v, set(defaults), f"rules.{rule}.options") if defaults else None
                if options is None:
                    raise ConfigError(path, f"rules.{rule} has no options", kline)
                cfg.rule_options[rule] = options
