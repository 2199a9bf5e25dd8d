import pytest

from assay.errors import NotFoundError
from assay.ids import IdKind, format_id, parse_id


def test_format_and_parse_round_trip() -> None:
    assert format_id(IdKind.DOCUMENT, 12) == "D12"
    assert parse_id("D12") == (IdKind.DOCUMENT, 12)
    assert parse_id(" o3 ") == (IdKind.OUTLET, 3)


@pytest.mark.parametrize("text", ["12", "D", "DX1", "", "D-1"])
def test_parse_id_rejects_malformed_ids_and_names_valid_forms(text: str) -> None:
    with pytest.raises(NotFoundError, match="D<number>"):
        parse_id(text)


def test_parse_id_rejects_unknown_prefix() -> None:
    with pytest.raises(NotFoundError, match="unknown ID prefix 'Z'"):
        parse_id("Z4")
