"""Finding and loading domain packs, and validating their data files.

A pack is a folder with ``pack.toml`` and YAML data files. Packs are found through
the ``assay.packs`` entry-point group (assay's own arms-transfer pack too, so that it
loads exactly like a third-party one) and from folders named by the caller. Every
file is checked on load; an error names the file, the line and the valid options.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import yaml

from assay.errors import InvalidPackError, PackError
from assay.packs.model import (
    ACTOR_KINDS,
    ANY_CATEGORY,
    BASES,
    DIRECTIONS,
    SPEAKER_TYPES,
    STATUSES,
    Actor,
    Catalog,
    Category,
    Gazetteer,
    Lexicon,
    WeaponSystem,
)
from assay.packs.policy import POLICY_FILE, AssessmentPolicy, load_policy

ENTRY_POINT_GROUP = "assay.packs"
_ISO3 = re.compile(r"^[A-Z]{3}$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$|^[A-Z]{3}$")


@dataclass(frozen=True)
class Pack:
    """A loaded, validated domain pack, identified by name, version and content hash."""

    name: str
    version: str
    sha256: str
    path: Path
    gazetteer: Gazetteer
    catalog: Catalog
    lexicon: Lexicon
    policy: AssessmentPolicy | None = None

    @property
    def ref(self) -> str:
        """``name@version``, as stamped on what the pack helped to produce."""
        return f"{self.name}@{self.version}"


class _Entries:
    """The items of one top-level list in a YAML file, each with its line number."""

    def __init__(self, path: Path, key: str) -> None:
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.safe_load(text)
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            raise InvalidPackError(f"{path.name}: not valid YAML: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            raise InvalidPackError(f"{path.name}: expected a top-level `{key}:` list")
        lines = [1] * len(data[key])
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
                    lines = [item.start_mark.line + 1 for item in value_node.value]
        self.path = path
        self.items: list[tuple[int, Any]] = list(zip(lines, data[key], strict=True))

    def error(self, line: int, message: str) -> InvalidPackError:
        return InvalidPackError(f"{self.path.name} line {line}: {message}")


def _strings(entries: _Entries, line: int, item: Mapping[str, Any], field: str) -> tuple[str, ...]:
    value = item.get(field) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise entries.error(line, f"`{field}` must be a list of names, got {value!r}")
    return tuple(v.strip() for v in value)


def _required(entries: _Entries, line: int, item: object, field: str) -> str:
    if not isinstance(item, dict):
        raise entries.error(line, f"each entry must be a mapping, got {item!r}")
    value = item.get(field)
    if not isinstance(value, str) or not value.strip():
        raise entries.error(line, f"`{field}` is required and must be text, got {value!r}")
    return value.strip()


def _choice(entries: _Entries, line: int, field: str, value: str, options: Iterable[str]) -> str:
    valid = tuple(options)
    if value not in valid:
        raise entries.error(line, f"`{field}` must be one of {', '.join(valid)}, got {value!r}")
    return value


def load_actors(path: Path) -> Gazetteer:
    """Read and check ``actors.yaml``."""
    entries = _Entries(path, "actors")
    actors: dict[str, Actor] = {}
    for line, item in entries.items:
        actor_id = _required(entries, line, item, "id")
        if not _SLUG.match(actor_id):
            raise entries.error(
                line, f"`id` must be ISO alpha-3 or a lowercase slug, got {actor_id!r}"
            )
        if actor_id in actors:
            raise entries.error(line, f"`id` {actor_id!r} is used twice")
        kind = _choice(entries, line, "kind", _required(entries, line, item, "kind"), ACTOR_KINDS)
        based_in = item.get("based_in")
        if based_in is not None and not (isinstance(based_in, str) and _ISO3.match(based_in)):
            raise entries.error(line, f"`based_in` must be an ISO alpha-3 code, got {based_in!r}")
        actors[actor_id] = Actor(
            id=actor_id,
            name=_required(entries, line, item, "name"),
            kind=kind,
            aliases=_strings(entries, line, item, "aliases"),
            demonyms=_strings(entries, line, item, "demonyms"),
            capitals=_strings(entries, line, item, "capitals"),
            metonyms=_strings(entries, line, item, "metonyms"),
            bodies=_strings(entries, line, item, "bodies"),
            un_member=bool(item.get("un_member", False)),
            based_in=based_in,
        )
    return Gazetteer(actors)


def load_catalog(path: Path, categories: Mapping[str, Category]) -> Catalog:
    """Read and check ``weapons.yaml`` against the pack's categories."""
    entries = _Entries(path, "systems")
    systems: dict[str, WeaponSystem] = {}
    owner: dict[str, str] = {}
    for line, item in entries.items:
        system_id = _required(entries, line, item, "id")
        if system_id in systems:
            raise entries.error(line, f"`id` {system_id!r} is used twice")
        category = _choice(
            entries, line, "category", _required(entries, line, item, "category"), categories
        )
        origin = _required(entries, line, item, "origin")
        if not _ISO3.match(origin):
            raise entries.error(line, f"`origin` must be an ISO alpha-3 code, got {origin!r}")
        system = WeaponSystem(
            id=system_id,
            name=_required(entries, line, item, "name"),
            category=category,
            origin=origin,
            aliases=_strings(entries, line, item, "aliases"),
        )
        for form in system.surface_forms():
            previous = owner.setdefault(form.casefold(), system_id)
            if previous != system_id:
                raise entries.error(
                    line, f"name {form!r} of {system_id!r} already names {previous!r}"
                )
        systems[system_id] = system
    return Catalog(systems, categories)


def _phrase_map(
    data: Mapping[str, Any],
    key: str,
    allowed: Sequence[str] | None,
    path: Path,
    required: Sequence[str] = (),
) -> dict[str, tuple[str, ...]]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise InvalidPackError(f"{path.name}: `{key}` must be a mapping of lists of phrases")
    result = {}
    for name, phrases in value.items():
        if allowed is not None and name not in allowed:
            raise InvalidPackError(
                f"{path.name}: `{key}` keys must be among {', '.join(allowed)}, got {name!r}"
            )
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise InvalidPackError(f"{path.name}: `{key}.{name}` must be a list of phrases")
        result[str(name)] = tuple(phrases)
    missing = [name for name in required if name not in result]
    if missing:
        raise InvalidPackError(f"{path.name}: `{key}` needs {', '.join(missing)}")
    return result


def _phrase_list(data: Mapping[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(p, str) for p in value):
        raise InvalidPackError(f"{path.name}: `{key}` must be a non-empty list of phrases")
    return tuple(value)


def load_lexicon(path: Path) -> tuple[Lexicon, dict[str, Category]]:
    """Read and check ``lexicons.yaml``: cue lists, and the weapon categories."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InvalidPackError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidPackError(f"{path.name}: expected a mapping of cue lists")
    categories = {
        name: Category(name, phrases)
        for name, phrases in _phrase_map(data, "categories", None, path).items()
    }
    verbs = _phrase_map(
        data, "transfer_verbs", (*DIRECTIONS, "arrival"), path, required=(*DIRECTIONS, "arrival")
    )
    nouns = _phrase_map(
        data, "transfer_nouns", (*DIRECTIONS, "neutral"), path, required=(*DIRECTIONS, "neutral")
    )
    lexicon = Lexicon(
        outward_verbs=verbs["outward"],
        inward_verbs=verbs["inward"],
        arrival_verbs=verbs["arrival"],
        outward_nouns=nouns["outward"],
        inward_nouns=nouns["inward"],
        neutral_nouns=nouns["neutral"],
        statuses=_phrase_map(data, "statuses", STATUSES, path),
        presence_verbs=_phrase_list(data, "presence_verbs", path),
        holding_verbs=_phrase_list(data, "holding_verbs", path),
        in_service_verbs=_phrase_list(data, "in_service_verbs", path),
        combat_words=_phrase_list(data, "combat_words", path),
        venues=_phrase_list(data, "venues", path),
        interdictions=_phrase_list(data, "interdictions", path),
        cargo_verbs=_phrase_list(data, "cargo_verbs", path),
        producers=_phrase_list(data, "producers", path),
        group_members=_phrase_list(data, "group_members", path),
        components=_phrase_list(data, "components", path),
        services=_phrase_list(data, "services", path),
        home_made=_phrase_list(data, "home_made", path),
        not_parties=_phrase_list(data, "not_parties", path),
        generic_items=_phrase_map(data, "generic_items", (*categories, ANY_CATEGORY), path),
        provenance=_phrase_list(data, "provenance", path),
        claim_nouns=_phrase_list(data, "claim_nouns", path),
        speculation=_phrase_list(data, "speculation", path),
        hedges=_phrase_list(data, "hedges", path),
        denials=_phrase_list(data, "denials", path),
        denial_phrases=_phrase_list(data, "denial_phrases", path),
        labelling_verbs=_phrase_list(data, "labelling_verbs", path),
        questions=_phrase_list(data, "questions", path),
        reporting_verbs=_phrase_list(data, "reporting_verbs", path),
        attributions=_phrase_list(data, "attributions", path),
        speakers=_phrase_map(data, "speakers", SPEAKER_TYPES, path, required=SPEAKER_TYPES),
        anonymity=_phrase_list(data, "anonymity", path),
        references=_phrase_map(data, "references", ACTOR_KINDS, path),
        bases=_phrase_map(data, "bases", BASES, path),
    )
    return lexicon, categories


def pack_sha256(folder: Path) -> str:
    """A hash of every file of a pack, names and bytes, in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(
        p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_pack(folder: Path) -> Pack:
    """Load and validate the pack in ``folder``."""
    manifest = folder / "pack.toml"
    if not manifest.is_file():
        raise PackError(f"{folder}: no pack.toml, so this folder is not a pack")
    try:
        meta = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InvalidPackError(f"{manifest}: not valid TOML: {exc}") from None
    for key in ("name", "version"):
        if not isinstance(meta.get(key), str):
            raise InvalidPackError(f"{manifest}: `{key}` is required")
    lexicon, categories = load_lexicon(folder / "lexicons.yaml")
    policy_file = folder / POLICY_FILE
    return Pack(
        name=meta["name"],
        version=meta["version"],
        sha256=pack_sha256(folder),
        path=folder,
        gazetteer=load_actors(folder / "actors.yaml"),
        catalog=load_catalog(folder / "weapons.yaml", categories),
        lexicon=lexicon,
        policy=load_policy(policy_file) if policy_file.is_file() else None,
    )


def installed_pack_dirs() -> list[Path]:
    """The folders of the packs registered under the ``assay.packs`` entry points."""
    folders = []
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        folders.append(Path(str(entry.load())))
    return folders


def load_packs(extra_dirs: Sequence[Path] = ()) -> list[Pack]:
    """Every installed pack, then the packs in ``extra_dirs``; names must be unique."""
    packs: list[Pack] = []
    for folder in [*installed_pack_dirs(), *extra_dirs]:
        pack = load_pack(folder)
        if any(existing.name == pack.name for existing in packs):
            raise PackError(f"two packs are named {pack.name!r} (the second is at {folder})")
        packs.append(pack)
    return packs
