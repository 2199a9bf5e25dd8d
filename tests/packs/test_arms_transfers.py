"""The arms_transfers pack: found like a third-party pack, valid, and rich enough."""

import re
from pathlib import Path

import pytest

from assay.errors import InvalidPackError, PackError
from assay.packs import Pack, load_pack, load_packs
from assay.packs.arms_transfers import PACK_DIR
from assay.packs.loading import installed_pack_dirs

SRC = Path(__file__).resolve().parent.parent.parent / "src" / "assay"


@pytest.fixture(scope="module")
def pack() -> Pack:
    [loaded] = [p for p in load_packs() if p.name == "arms_transfers"]
    return loaded


def test_the_pack_is_found_through_its_entry_point() -> None:
    assert PACK_DIR in installed_pack_dirs()


def test_the_pack_has_a_name_version_and_content_hash(pack: Pack) -> None:
    assert pack.ref == "arms_transfers@1.0.0"
    assert re.fullmatch(r"[0-9a-f]{64}", pack.sha256)
    assert load_pack(PACK_DIR).sha256 == pack.sha256


def test_every_un_member_state_and_the_others_are_actors(pack: Pack) -> None:
    actors = pack.gazetteer.actors.values()
    assert sum(actor.un_member for actor in actors) == 193
    assert {"TWN", "XKX", "PSE"} <= set(pack.gazetteer.actors)
    armed_groups = [actor for actor in actors if actor.kind == "armed_group"]
    assert len(armed_groups) >= 10


@pytest.mark.parametrize(
    ("form", "actor"),
    [
        ("Moscow", "RUS"),
        ("the Kremlin", "RUS"),
        ("Tehran", "IRN"),
        ("Iranian", "IRN"),
        ("Pyongyang", "PRK"),
        ("North Korean", "PRK"),
        ("Beijing", "CHN"),
        ("Washington", "USA"),
        ("the Pentagon", "USA"),
        ("IRGC", "IRN"),
    ],
)
def test_metonyms_demonyms_and_bodies_name_their_state(pack: Pack, form: str, actor: str) -> None:
    found = pack.gazetteer.lookup(form) or pack.gazetteer.lookup(form.removeprefix("the "))
    assert actor in {a.id for a in found}, form


def test_at_least_150_weapon_systems_with_valid_categories(pack: Pack) -> None:
    systems = pack.catalog.systems.values()
    assert len(systems) >= 150
    assert {s.category for s in systems} <= set(pack.catalog.categories)
    assert all(re.fullmatch(r"[A-Z]{3}", s.origin) for s in systems)


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("9K720", "Iskander-M"),
        ("SS-26", "Iskander-M"),
        ("Geran-2", "Shahed-136"),
        ("Fath-360", "Fath-360"),
        ("Fateh-110", "Fateh-110"),
        ("Zolfaghar", "Zolfaghar"),
        ("Hwasong-11", "KN-23"),
        ("SA-21", "S-400"),
        ("Su-35", "Su-35"),
    ],
)
def test_designations_and_reporting_names_resolve_to_one_system(
    pack: Pack, alias: str, name: str
) -> None:
    system = pack.catalog.lookup(alias)
    expected = pack.catalog.lookup(name)
    assert system is not None, alias
    assert system == expected


def test_categories_name_their_systems(pack: Pack) -> None:
    ballistic = {s.name for s in pack.catalog.in_category("ballistic_missile")}
    assert pack.catalog.lookup("Fath-360") is not None
    assert pack.catalog.lookup("Fath-360").name in ballistic  # type: ignore[union-attr]
    assert "short-range ballistic missiles" in pack.catalog.categories["ballistic_missile"].phrases


def test_the_catalogue_holds_names_only() -> None:
    text = (PACK_DIR / "weapons.yaml").read_text(encoding="utf-8").lower()
    for word in ("km", "range", "payload", "warhead", "accuracy", "speed", "mach", "kg"):
        assert re.search(rf"\b{word}\b", text) is None, word


def test_no_pack_word_appears_in_the_core() -> None:
    pack = load_pack(PACK_DIR)
    names = {actor.name for actor in pack.gazetteer.actors.values()}
    names |= {form for actor in pack.gazetteer.actors.values() for form in actor.metonyms}
    names |= {system.name for system in pack.catalog.systems.values()}
    distinctive = {name for name in names if len(name) >= 5 and any(c.isupper() for c in name)}
    core = [p for p in SRC.rglob("*.py") if "packs" not in p.relative_to(SRC).parts]
    for path in core:
        text = path.read_text(encoding="utf-8")
        found = sorted(name for name in distinctive if re.search(rf"\b{re.escape(name)}\b", text))
        assert found == [], f"{path.relative_to(SRC)} names {found}"


def _copy_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    for name in ("pack.toml", "actors.yaml", "weapons.yaml", "lexicons.yaml"):
        (folder / name).write_text((PACK_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_a_bad_category_names_the_file_the_line_and_the_options(tmp_path: Path) -> None:
    folder = _copy_pack(tmp_path)
    weapons = folder / "weapons.yaml"
    text = weapons.read_text(encoding="utf-8")
    first = re.search(r"category: (\w+)", text)
    assert first is not None
    weapons.write_text(text.replace(first.group(0), "category: balistic", 1), encoding="utf-8")
    line = text[: first.start()].count("\n") + 1
    with pytest.raises(InvalidPackError) as info:
        load_pack(folder)
    message = str(info.value)
    assert message.startswith("weapons.yaml line ")
    assert "`category` must be one of ballistic_missile," in message
    assert "got 'balistic'" in message
    reported = int(message.split(" line ")[1].split(":", maxsplit=1)[0])
    assert 0 <= line - reported < 6


def test_a_name_given_to_two_systems_is_refused(tmp_path: Path) -> None:
    folder = _copy_pack(tmp_path)
    weapons = folder / "weapons.yaml"
    weapons.write_text(
        weapons.read_text(encoding="utf-8")
        + "- id: copy-of-iskander\n  name: Iskander-M\n  aliases: []\n"
        "  category: ballistic_missile\n  origin: RUS\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidPackError, match="already names 'iskander-m'"):
        load_pack(folder)


def test_a_folder_without_pack_toml_is_not_a_pack(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"no pack\.toml"):
        load_pack(tmp_path)


def test_two_packs_with_one_name_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="two packs are named 'arms_transfers'"):
        load_packs([_copy_pack(tmp_path)])


def test_acronyms_match_only_in_capitals(pack: Pack) -> None:
    assert {a.id for a in pack.gazetteer.lookup("US")} == {"USA"}
    assert pack.gazetteer.lookup("us") == ()
    assert pack.gazetteer.lookup("the kremlin") == pack.gazetteer.lookup("The Kremlin")
