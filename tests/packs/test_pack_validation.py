"""Every malformed pack file is refused with a message that names the fault."""

from pathlib import Path

import pytest

from assay.errors import InvalidPackError, PackError
from assay.packs import load_pack

ACTORS = """actors:
- id: AAA
  name: Alphaland
  kind: state
  aliases: [Republic of Alphaland]
  demonyms: [Alphalandic]
  capitals: [Alpha City]
  metonyms: [Alpha City]
  bodies: [Alphalandic defence ministry]
  un_member: true
  based_in: null
- id: beta-front
  name: Beta Front
  kind: armed_group
  aliases: []
  demonyms: []
  capitals: []
  metonyms: []
  bodies: []
  un_member: false
  based_in: AAA
"""
WEAPONS = """systems:
- id: thing-1
  name: Thing-1
  aliases: [T-1]
  category: drone
  origin: AAA
"""
LEXICONS = """categories:
  drone: [drones]
transfer_verbs:
  outward: [send]
  inward: [receive]
  arrival: [arrive]
transfer_nouns:
  outward: [delivery]
  inward: [purchase]
  neutral: [deal]
statuses:
  delivered: [delivered]
presence_verbs: [see]
holding_verbs: [operate]
in_service_verbs: [use]
combat_words: [strike]
venues: [fair]
interdictions: [seize]
cargo_verbs: [carry]
producers: [factory]
group_members: [fighter]
components: [engine]
services: [overhaul]
home_made: [locally built]
not_parties: [Latin American]
generic_items: {any: [weapons]}
provenance: [came from]
speculation: [could]
claim_nouns: [claim]
hedges: [reportedly]
denials: [deny]
denial_phrases: [baseless]
labelling_verbs: [call]
anonymity: [on condition of anonymity]
references:
  state: [the country]
questions: [whether]
reporting_verbs: [say]
attributions: [according to]
speakers:
  anonymous: [sources]
  intelligence: [intelligence]
  media: [newspaper]
  named_official: [minister]
  government: [officials]
bases:
  documents: [documents]
"""


def write_pack(folder: Path, **files: str) -> Path:
    contents = {
        "pack.toml": 'name = "tiny"\nversion = "0.1.0"\n',
        "actors.yaml": ACTORS,
        "weapons.yaml": WEAPONS,
        "lexicons.yaml": LEXICONS,
    }
    contents.update({name.replace("_", "."): text for name, text in files.items()})
    folder.mkdir(exist_ok=True)
    for name, text in contents.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_tiny_valid_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "p"))
    assert pack.ref == "tiny@0.1.0"
    assert [a.id for a in pack.gazetteer.lookup("Alpha City")] == ["AAA"]
    assert pack.catalog.lookup("t-1") is not None
    assert pack.gazetteer.actors["beta-front"].based_in == "AAA"


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("actors_yaml", "actors: [", "actors.yaml: not valid YAML"),
        ("actors_yaml", "people: []\n", "expected a top-level `actors:` list"),
        (
            "actors_yaml",
            "actors:\n- just text\n",
            "actors.yaml line 2: each entry must be a mapping",
        ),
        ("actors_yaml", "actors:\n- name: X\n  kind: state\n", "line 2: `id` is required"),
        (
            "actors_yaml",
            "actors:\n- id: Bad Id\n  name: X\n  kind: state\n",
            "ISO alpha-3 or a lowercase slug",
        ),
        ("actors_yaml", ACTORS.replace("beta-front", "AAA"), "`id` 'AAA' is used twice"),
        (
            "actors_yaml",
            ACTORS.replace("kind: state", "kind: country"),
            "`kind` must be one of state, armed_group, alliance, got 'country'",
        ),
        (
            "actors_yaml",
            ACTORS.replace("based_in: AAA", "based_in: Alphaland"),
            "`based_in` must be an ISO alpha-3 code",
        ),
        (
            "actors_yaml",
            ACTORS.replace("demonyms: [Alphalandic]", "demonyms: Alphalandic"),
            "`demonyms` must be a list of names",
        ),
        (
            "weapons_yaml",
            WEAPONS.replace("origin: AAA", "origin: Alphaland"),
            "`origin` must be an ISO alpha-3 code",
        ),
        ("weapons_yaml", WEAPONS + WEAPONS.split("\n", 1)[1], "`id` 'thing-1' is used twice"),
        (
            "lexicons_yaml",
            LEXICONS.replace("hedges: [reportedly]\n", ""),
            "`hedges` must be a non-empty list",
        ),
        (
            "lexicons_yaml",
            LEXICONS.replace("delivered: [delivered]", "shipped: [shipped]"),
            "`statuses` keys must be among delivered, agreed",
        ),
        (
            "lexicons_yaml",
            LEXICONS.replace("documents: [documents]", "documents: documents"),
            "`bases.documents` must be a list",
        ),
        (
            "lexicons_yaml",
            LEXICONS.replace("generic_items: {any: [weapons]}", "generic_items: {missile: [x]}"),
            "`generic_items` keys must be among drone, any, got 'missile'",
        ),
        (
            "lexicons_yaml",
            LEXICONS.replace("categories:\n  drone: [drones]\n", ""),
            "`categories` must be a mapping",
        ),
        ("lexicons_yaml", "- a list\n", "expected a mapping of cue lists"),
        ("lexicons_yaml", "a: [", "lexicons.yaml: not valid YAML"),
        ("pack_toml", 'name = "tiny"\n', "`version` is required"),
        ("pack_toml", "name = = 1", "not valid TOML"),
    ],
)
def test_malformed_files_are_named_with_their_fault(
    tmp_path: Path, file: str, text: str, message: str
) -> None:
    folder = write_pack(tmp_path / "p", **{file: text})
    with pytest.raises(PackError) as info:
        load_pack(folder)
    assert message in str(info.value)
    if file != "pack_toml":
        assert isinstance(info.value, InvalidPackError)
