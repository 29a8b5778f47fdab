import unicodedata

from desktop.domain.radicals import RADICAL_TO_IDEOGRAPH, map_radicals


def test_pdf_look_alikes_become_the_characters_analysts_search_for():
    assert map_radicals("\u2f2f业和信息化厅") == "工业和信息化厅"  # ⼯ KANGXI RADICAL WORK
    assert map_radicals("\u2ed3江经济带") == "长江经济带"  # ⻓ CJK RADICAL C-SIMPLIFIED LONG
    assert map_radicals("湖南工业") == "湖南工业"


def test_every_kangxi_radical_maps_as_unicode_says():
    kangxi = range(0x2F00, 0x2FD6)
    assert all(cp in RADICAL_TO_IDEOGRAPH for cp in kangxi)
    # For this block the compatibility decomposition is the same equivalence.
    for cp in kangxi:
        assert RADICAL_TO_IDEOGRAPH[cp] == unicodedata.normalize("NFKC", chr(cp))


def test_supplement_is_covered_except_the_characters_without_an_equivalent():
    supplement = {cp for cp in range(0x2E80, 0x2EF4) if unicodedata.category(chr(cp)) != "Cn"}
    mapped = {cp for cp in RADICAL_TO_IDEOGRAPH if cp < 0x2F00}
    assert supplement - mapped == {0x2E80}  # CJK RADICAL REPEAT has no equivalent
    assert len(mapped) == 114


def test_the_map_is_one_character_for_one_so_offsets_do_not_move():
    for ideograph in RADICAL_TO_IDEOGRAPH.values():
        assert len(ideograph) == 1
        assert unicodedata.name(ideograph).startswith("CJK UNIFIED IDEOGRAPH")
    text = "".join(chr(cp) for cp in RADICAL_TO_IDEOGRAPH)
    assert len(map_radicals(text)) == len(text)
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in map_radicals(text))
