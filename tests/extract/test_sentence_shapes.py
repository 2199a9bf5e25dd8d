"""Claim extraction on sentence shapes from trackers, seizures and trade news.

Each test holds a shape the extractor once misread: two items each with its own "from",
a load seized on a vehicle, a buyer's request "to" its supplier, a supplier winning an
order, a tracker's "Alpha:" entry, a sale since delivered.
"""

from __future__ import annotations

import pytest

from assay.extract.extractor import Extractor
from assay.extract.slot_filling import RecordingFiller
from assay.packs import load_packs
from assay.records import Modality, SpeakerType


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(next(p for p in load_packs() if p.name == "arms_transfers"))


@pytest.fixture(scope="module")
def rules(extractor: Extractor) -> Extractor:
    """The rules alone: the slot model's place is taken by a filler that answers nothing."""
    return Extractor(extractor.pack, nlp=extractor.nlp, slot_filler=RecordingFiller([]))


def _keys(extractor: Extractor, text: str) -> set[tuple[str | None, str | None, str, str]]:
    return {(m.supplier, m.recipient, m.item, m.status) for m in extractor.extract(text).mentions}


def test_each_item_takes_the_from_phrase_that_follows_it(extractor: Extractor) -> None:
    assert _keys(
        extractor, "Qatar received Bayraktar TB2 drones from Turkey and Mohajer-6 drones from Iran."
    ) == {
        ("TUR", "QAT", "bayraktar-tb2", "delivered"),
        ("IRN", "QAT", "mohajer-6", "delivered"),
    }


def test_a_from_phrase_with_the_item_left_out_still_counts(extractor: Extractor) -> None:
    assert _keys(
        extractor, "Ukraine received 14 MiG-29 jets from Poland and 13 from Slovakia."
    ) == {
        ("POL", "UKR", "mig-29", "delivered"),
        ("SVK", "UKR", "mig-29", "delivered"),
    }


def test_a_system_name_and_the_noun_after_it_are_one_item(extractor: Extractor) -> None:
    assert _keys(
        extractor,
        "Oman took delivery of Wing Loong II armed drones from China and Chunmoo rocket "
        "launchers from South Korea.",
    ) == {("CHN", "OMN", "wing-loong", "delivered"), ("KOR", "OMN", "chunmoo", "delivered")}


def test_a_demonym_on_another_weapon_names_no_supplier(extractor: Extractor) -> None:
    assert _keys(extractor, "Chile bought Swedish Gripens rather than the American jet.") == {
        ("SWE", "CHL", "gripen", "agreed")
    }


def test_a_sale_described_as_in_the_buyers_hands_is_delivered(extractor: Extractor) -> None:
    assert _keys(extractor, "Peru's MiG-29s, bought from Belarus in the 1990s, are grounded.") == {
        ("BLR", "PER", "mig-29", "delivered")
    }
    assert _keys(extractor, "Iran's F-14 Tomcats were bought from the United States in 1976.") == {
        ("USA", "IRN", "f-14", "delivered")
    }
    assert {
        key[3] for key in _keys(extractor, "The Rafales bought from France will arrive soon.")
    } == {"planned"}


def test_a_load_on_a_seized_vehicle_is_a_halted_transfer(extractor: Extractor) -> None:
    assert _keys(
        extractor,
        "Coast guards said they had seized a boat carrying AK-47 rifles destined for al-Shabaab.",
    ) == {(None, "al-shabaab", "ak-47", "halted")}
    assert _keys(
        extractor,
        "Egyptian police intercepted a truck carrying Kornet missiles that was bound for Hamas.",
    ) == {(None, "hamas", "kornet", "halted")}


def test_a_vehicle_carrying_weapons_elsewhere_moves_nothing(extractor: Extractor) -> None:
    assert _keys(extractor, "Russian bombers carrying Kh-101 missiles struck Kharkiv.") == set()


def test_a_seizure_read_as_a_clause_still_halts(extractor: Extractor) -> None:
    assert _keys(extractor, "The navy seized Kornet missiles destined for the Houthis.") == {
        (None, "houthis", "kornet", "halted")
    }


def test_a_request_to_a_state_asks_it_to_supply(extractor: Extractor) -> None:
    assert _keys(
        extractor, "Kyiv renewed a request to Washington on Friday for more Patriot batteries."
    ) == {("USA", "UKR", "patriot", "requested")}


def test_a_supplier_wins_an_order_from_its_customer(extractor: Extractor) -> None:
    assert _keys(extractor, "Serbia's Yugoimport wins howitzer order from Bahrain") == {
        ("SRB", "BHR", "category:artillery", "agreed")
    }


def test_a_trackers_entry_label_is_the_side_its_line_leaves_out(extractor: Extractor) -> None:
    assert _keys(extractor, "Ukraine: four more Archer howitzers handed over by Sweden.") == {
        ("SWE", "UKR", "archer", "delivered")
    }


def test_a_coordinated_transfer_verb_keeps_its_own_status(extractor: Extractor) -> None:
    assert _keys(
        extractor,
        "Serbia had bought FK-3 systems from China and had also received Pantsir systems "
        "from Russia.",
    ) == {("CHN", "SRB", "hq-22", "agreed"), ("RUS", "SRB", "pantsir-s1", "delivered")}


def test_per_after_a_comma_names_the_source(extractor: Extractor) -> None:
    mentions = extractor.extract(
        "Iran delivered Shahed-136 drones to Russia, per two officials who asked not to be named."
    ).mentions
    assert [(m.modality, m.speaker_type) for m in mentions] == [
        (Modality.ATTRIBUTED, SpeakerType.ANONYMOUS)
    ]
    priced = extractor.extract(
        "Iran sold Shahed-136 drones to Russia for 20,000 dollars per drone."
    )
    assert [m.speaker for m in priced.mentions] == [None]


def test_a_calibre_with_its_noun_names_the_shell(extractor: Extractor) -> None:
    assert _keys(extractor, "Seoul sent 155mm shells to Washington.") == {
        ("KOR", "USA", "155mm-shells", "delivered")
    }


def test_a_shipment_that_reaches_a_state_names_its_recipient(extractor: Extractor) -> None:
    assert _keys(extractor, "A consignment of 200 Fath-360 missiles reached Russia by sea.") == {
        (None, "RUS", "fath-360", "delivered")
    }


def test_a_headline_clause_after_as_has_its_own_subject(extractor: Extractor) -> None:
    assert _keys(
        extractor, "Norway to send CV90 vehicles to Ukraine as Poland offers Kyiv its last MiG-29s"
    ) == {("NOR", "UKR", "cv90", "planned"), ("POL", "UKR", "mig-29", "offered")}


def test_repaying_and_ending_up_with_move_the_item(extractor: Extractor) -> None:
    assert _keys(extractor, "Moscow has begun repaying Tehran with Su-35 fighters.") == {
        ("RUS", "IRN", "su-35", "delivered")
    }
    assert _keys(extractor, "How Argentina ended up with Danish F-16s") == {
        ("DNK", "ARG", "f-16", "delivered")
    }


def test_a_description_is_not_resolved_to_the_items_maker(extractor: Extractor) -> None:
    text = "China sent envoys to Myanmar. The junta has acquired Chinese-made CH-3A drones."
    assert _keys(extractor, text) == {("CHN", "MMR", "category:drone", "delivered")}


def test_a_hyphenated_transfer_verb_is_parsed_whole(extractor: Extractor) -> None:
    assert _keys(extractor, "The UAE re-exported Chinese drones to the RSF.") == {
        ("ARE", "rapid-support-forces", "category:drone", "delivered")
    }
    assert _keys(extractor, "Russia plans to re-equip Belarus with Iskander-M launchers.") == {
        ("RUS", "BLR", "iskander-m", "planned")
    }


def test_disavowing_a_purchase_denies_it(extractor: Extractor) -> None:
    mentions = extractor.extract(
        "The Kremlin disavowed any purchase of Shahed-136 drones from Iran."
    )
    assert [(m.polarity, m.modality) for m in mentions.mentions] == [("negative", Modality.DENIED)]


def test_a_deployment_of_a_states_own_forces_moves_nothing(extractor: Extractor) -> None:
    assert _keys(extractor, "Russian troops deployed S-400 systems to Belarus for drills.") == set()


def test_a_firm_named_with_of_and_its_state_is_that_state(rules: Extractor) -> None:
    assert _keys(
        rules,
        "The firm Hyundai Rotem of the Republic of Korea handed over 46 K2 tanks to Poland.",
    ) == {("KOR", "POL", "k2-black-panther", "delivered")}


def test_a_refusal_to_send_halts_the_transfer(extractor: Extractor) -> None:
    assert _keys(extractor, "Germany has so far refused to send Taurus missiles to Ukraine.") == {
        ("DEU", "UKR", "taurus-kepd-350", "halted")
    }


def test_earmarking_plans_and_loaning_moves(extractor: Extractor) -> None:
    assert _keys(extractor, "Japan has earmarked coastal radars for the Philippines.") == {
        ("JPN", "PHL", "category:radar", "planned")
    }
    assert _keys(extractor, "Norway loaned two NASAMS batteries to Ukraine.") == {
        ("NOR", "UKR", "nasams", "delivered")
    }


def test_an_owners_attempt_to_buy_makes_the_owner_the_buyer(extractor: Extractor) -> None:
    assert _keys(extractor, "Britain blocked Argentina's attempts to buy Swedish Gripens.") == {
        ("SWE", "ARG", "gripen", "halted")
    }


def test_in_service_with_names_the_holder(rules: Extractor) -> None:
    text = "FN-6 missiles supplied by the UAE are now in service with the Rapid Support Forces."
    assert _keys(rules, text) == {("ARE", "rapid-support-forces", "fn-6", "delivered")}


def test_a_maker_handing_its_output_to_its_own_army_moves_nothing(extractor: Extractor) -> None:
    assert (
        _keys(extractor, "A plant near Astana handed 20 Arlan armoured vehicles to the army.")
        == set()
    )
    assert (
        _keys(extractor, "Ukrainian factories handed 12 more Bohdana howitzers to the army.")
        == set()
    )
    assert _keys(
        extractor, "A Turkish factory delivered 20 Kirpi armoured vehicles to Somalia."
    ) == {("TUR", "SOM", "kirpi", "delivered")}


def test_a_place_that_only_places_the_act_completes_no_phrasal_verb(extractor: Extractor) -> None:
    assert _keys(extractor, "Vietnam flew Su-30 jets over Hanoi in a parade on Tuesday.") == set()
    assert _keys(
        extractor, "Uganda's army had flown 20 armoured personnel carriers into Juba."
    ) == {("UGA", "SSD", "category:armoured_vehicle", "delivered")}


def test_a_pronoun_keeps_the_subject_not_a_source_named_after_it(extractor: Extractor) -> None:
    text = (
        "Cairo has promised Mogadishu more equipment, and it is expected to send air defence "
        "systems next year, according to a Somali official."
    )
    assert _keys(extractor, text) == {("EGY", "SOM", "category:air_defence_system", "planned")}
    assert _keys(extractor, "Tehran said it had sent Shahed-136 drones to Russia.") == {
        ("IRN", "RUS", "shahed-136", "delivered")
    }


def test_each_item_takes_the_agent_that_follows_it(extractor: Extractor) -> None:
    text = (
        "The Sudanese army has reportedly been supplied with Mohajer-6 drones by Iran and with "
        "Bayraktar TB2 drones by Turkey since 2023."
    )
    assert _keys(extractor, text) == {
        ("IRN", "SDN", "mohajer-6", "delivered"),
        ("TUR", "SDN", "bayraktar-tb2", "delivered"),
    }


def test_the_army_in_a_later_sentence_is_the_headline_recipients(extractor: Extractor) -> None:
    text = (
        "Myanmar junta takes delivery of Chinese fighter jets\n\n"
        "The junta's leader thanked Beijing for its support. "
        "The navy's Kilo-class submarine was handed over by New Delhi in 2020."
    )
    assert ("IND", "MMR", "kilo-class", "delivered") in _keys(extractor, text)


def test_a_load_that_docks_with_its_ship_has_arrived(extractor: Extractor) -> None:
    assert _keys(
        extractor, "A ship carrying Egyptian howitzers docked in Mogadishu on Tuesday."
    ) == {("EGY", "SOM", "category:artillery", "delivered")}
    assert (
        _keys(extractor, "The frigate and submarine that docked in Havana left after a week.")
        == set()
    )


def test_the_militant_group_refers_back_to_an_armed_group(extractor: Extractor) -> None:
    text = "Al-Shabaab fighters attacked a base. The militant group has also obtained armed drones."
    assert _keys(extractor, text) == {(None, "al-shabaab", "category:drone", "delivered")}


def test_an_item_flown_in_strikes_is_used_not_delivered(extractor: Extractor) -> None:
    assert (
        _keys(extractor, "Egypt's air force flew French-made Rafale jets in raids on camps.")
        == set()
    )
    assert _keys(extractor, "Egypt's air force flies French-made Rafale jets.") == {
        ("FRA", "EGY", "rafale", "delivered")
    }


def test_an_item_word_that_only_names_a_claim_or_a_fight_is_no_item(
    extractor: Extractor,
) -> None:
    assert _keys(extractor, "Turkey receives Korean tanks as Seoul rejects drone claims") == {
        ("KOR", "TUR", "category:tank", "delivered")
    }
    assert _keys(extractor, "Latvia asks Sweden for air defence systems after drone raids") == {
        ("SWE", "LVA", "category:air_defence_system", "requested")
    }


def test_an_item_asked_for_a_purpose_is_still_requested(extractor: Extractor) -> None:
    assert _keys(
        extractor, "Estonia has asked Washington for Harpoon missiles to defend its ports."
    ) == {("USA", "EST", "harpoon", "requested")}


def test_the_maker_a_relative_names_is_the_supplier(extractor: Extractor) -> None:
    assert _keys(
        extractor,
        "Nigeria's navy\n\nTwo patrol boats built by France's Ouest Yards were handed "
        "to the navy on Monday.",
    ) == {("FRA", "NGA", "category:naval_vessel", "delivered")}
    assert _keys(extractor, "Nigeria received two patrol boats built in France.") == {
        ("FRA", "NGA", "category:naval_vessel", "delivered")
    }


def test_a_denial_does_not_reach_into_a_relative_clause(extractor: Extractor) -> None:
    mentions = extractor.extract(
        "Minsk, which says it sold rifles to Moscow before the war, denies sending any since."
    ).mentions
    admitted = [m for m in mentions if m.status == "agreed"]
    assert [(m.supplier, m.recipient, m.item) for m in admitted] == [
        ("BLR", "RUS", "category:small_arms")
    ]
    assert admitted[0].modality is Modality.ATTRIBUTED
    assert admitted[0].speaker == "Minsk"
    (report,) = extractor.extract(
        "The ministry rejected as baseless a television report that Pakistan had shipped "
        "Babur cruise missiles to Qatar."
    ).mentions
    assert report.modality is Modality.DENIED


def test_an_owner_of_items_bought_from_a_supplier_is_the_buyer(extractor: Extractor) -> None:
    text = (
        "Venezuela grounds its fighter fleet\n\n"
        "Its F-16 jets were bought from the United States in the 1980s."
    )
    assert ("USA", "VEN", "f-16", "delivered") in _keys(extractor, text)


def test_items_ordered_that_would_arrive_later_are_planned(extractor: Extractor) -> None:
    assert _keys(
        extractor,
        "The J-10C jets that Egypt ordered from China will arrive next spring.",
    ) == {("CHN", "EGY", "j-10", "planned")}


def test_work_on_weapons_a_party_holds_moves_none(extractor: Extractor) -> None:
    assert (
        _keys(extractor, "A maintenance contract for Algeria's Su-30 fighters was signed in May.")
        == set()
    )
    assert (
        _keys(extractor, "Caracas signed a deal with Moscow for the overhaul of its Su-30 jets.")
        == set()
    )


def test_an_order_put_on_hold_is_halted(extractor: Extractor) -> None:
    assert _keys(
        extractor, "Kazakhstan has put on hold an order for more Su-30SM fighters from Russia."
    ) == {("RUS", "KAZ", "su-30", "halted")}


def test_items_a_party_relies_on_are_in_its_hands(extractor: Extractor) -> None:
    assert _keys(
        extractor, "Vietnam's air force still relies on Su-30 fighters bought from Russia in 2004."
    ) == {("RUS", "VNM", "su-30", "delivered")}


def test_items_that_roll_off_a_ship_or_trickle_in_have_arrived(rules: Extractor) -> None:
    assert _keys(rules, "Chinese-made armoured vehicles have trickled in to Niamey since May.") == {
        ("CHN", "NER", "category:armoured_vehicle", "delivered")
    }
    assert _keys(rules, "Turkish Kirpi vehicles rolled off a ship and into Nigeria on Friday.") == {
        ("TUR", "NGA", "kirpi", "delivered")
    }


def test_a_sale_a_party_is_likely_to_make_is_planned(extractor: Extractor) -> None:
    assert _keys(extractor, "Russia is likely to deliver Su-35 jets to Iran next year.") == {
        ("RUS", "IRN", "su-35", "planned")
    }


def test_a_headline_word_for_weapons_is_no_verb_without_a_party_after_it(
    extractor: Extractor,
) -> None:
    text = "Newsletter: Turkey's arms exporters look beyond the Bayraktar TB2\n\nNothing more."
    assert _keys(extractor, text) == set()
    text = "Iran arms the Houthis with anti-ship missiles\n\nNothing more."
    assert _keys(extractor, text) == {("IRN", "houthis", "category:anti_ship_missile", "delivered")}


def test_a_headline_owner_of_a_donated_item_holds_it(extractor: Extractor) -> None:
    text = "Sri Lanka's Chinese-donated frigate returns to port\n\nNothing more."
    assert _keys(extractor, text) == {("CHN", "LKA", "category:naval_vessel", "delivered")}


def test_a_plain_recipient_takes_the_parties_it_includes(rules: Extractor) -> None:
    assert _keys(
        rules, "Turkey has handed armoured vehicles to several states since 2021, including Ghana."
    ) == {("TUR", "GHA", "category:armoured_vehicle", "delivered")}


def test_a_deal_for_an_item_names_no_recipient_by_its_for(extractor: Extractor) -> None:
    assert _keys(extractor, "Addis Ababa inks deal for Turkish attack helicopters") == {
        ("TUR", "ETH", "category:helicopter", "agreed")
    }


def test_the_host_of_an_arms_fair_is_no_party(extractor: Extractor) -> None:
    assert _keys(
        extractor, "Burkina Faso placed its order for the Akinci drones at an arms fair in Paris."
    ) == {(None, "BFA", "bayraktar-akinci", "agreed")}


def test_a_trade_figure_that_changes_names_no_transfer(extractor: Extractor) -> None:
    assert _keys(extractor, "Exports of Turkish drones rose by 40 per cent in 2024.") == set()
    assert _keys(extractor, "Deliveries of Iranian drones to Russia rose sharply in May.") == {
        ("IRN", "RUS", "category:drone", "delivered")
    }


def test_an_item_shown_at_an_exhibition_is_on_display_not_in_service(
    extractor: Extractor,
) -> None:
    assert (
        _keys(extractor, "German Leopard tanks destroyed in Ukraine were shown at a Moscow fair.")
        == set()
    )
    assert _keys(extractor, "Satellite images show North Korean Koksan guns in Russia.") == {
        ("PRK", "RUS", "koksan", "delivered")
    }


def test_a_clause_whose_subject_was_read_as_an_object_keeps_it(rules: Extractor) -> None:
    assert _keys(
        rules,
        "The army possesses documents proving the UAE smuggled drones to the RSF.",
    ) == {("ARE", "rapid-support-forces", "category:drone", "delivered")}


def test_jets_that_touch_down_in_a_state_arrive_there(rules: Extractor) -> None:
    assert _keys(rules, "First Danish F-16s touch down in Argentina") == {
        ("DNK", "ARG", "f-16", "delivered")
    }


def test_a_variant_with_its_own_entry_is_not_read_as_the_base_system(rules: Extractor) -> None:
    assert _keys(rules, "Caracas bought S-300VM air defences from Russia in 2011.") == {
        ("RUS", "VEN", "s-300v", "agreed")
    }


def test_a_state_taking_an_item_into_service_receives_it(rules: Extractor) -> None:
    assert _keys(rules, "Burkina Faso has taken Russian Mi-24 gunships into service.") == {
        ("RUS", "BFA", "mi-24", "delivered")
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The Turkish navy took delivery of its first domestically built destroyer.",
        "India inducted 12 indigenous Tejas jets into its air force.",
        "Ukraine received 20 locally assembled Kirpi vehicles.",
    ],
)
def test_an_item_made_where_it_serves_moves_nothing(rules: Extractor, sentence: str) -> None:
    assert _keys(rules, sentence) == set()


def test_licensed_production_exported_to_another_state_still_moves(rules: Extractor) -> None:
    assert _keys(
        rules,
        "Japan will export Patriot missiles made under licence in Japan to the United States.",
    ) == {("JPN", "USA", "patriot", "planned")}


def test_a_held_item_takes_the_from_phrase_that_follows_it(rules: Extractor) -> None:
    assert _keys(
        rules, "Egypt operates Rafale jets from France and MiG-29M fighters from Russia."
    ) == {
        ("FRA", "EGY", "rafale", "delivered"),
        ("RUS", "EGY", "mig-29", "delivered"),
    }


def test_the_seller_in_a_clause_on_one_item_sells_no_other(extractor: Extractor) -> None:
    assert _keys(
        extractor, "Vietnam operates Su-30 jets bought from Russia and is now seeking F-16s."
    ) == {
        ("RUS", "VNM", "su-30", "delivered"),
        (None, "VNM", "f-16", "requested"),
    }


def test_a_maker_named_on_a_later_item_is_that_items_alone(rules: Extractor) -> None:
    assert _keys(
        rules,
        "Bundestag committee clears purchase of Patriot batteries and Israeli Arrow interceptors",
    ) == {(None, "DEU", "patriot", "agreed"), ("ISR", "DEU", "arrow", "agreed")}


def test_a_maker_named_on_one_item_receives_no_other(extractor: Extractor) -> None:
    mentions = _keys(
        extractor,
        "Somalia's government was freed from a UN arms embargo.\n\nThe federal government has "
        "since received Turkish armoured vehicles and Egyptian artillery.",
    )
    assert mentions == {
        ("TUR", "SOM", "category:armoured_vehicle", "delivered"),
        ("EGY", "SOM", "category:artillery", "delivered"),
    }


def test_a_demonym_on_the_noun_covers_the_names_listed_before_it(rules: Extractor) -> None:
    assert _keys(rules, "Addis Ababa flies Turkish Bayraktar TB2 and Akinci drones.") == {
        ("TUR", "ETH", "bayraktar-tb2", "delivered"),
        ("TUR", "ETH", "bayraktar-akinci", "delivered"),
    }


def test_a_pronoun_does_not_refer_back_to_a_maker_on_an_item(rules: Extractor) -> None:
    assert ("RUS", "EGY", "su-35", "agreed") in _keys(
        rules,
        "Egypt's air force flies French Rafale jets and American F-16s, and it ordered Russian "
        "Su-35s in 2018.",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Israel is to supply Germany with Arrow interceptors from 2027.",
        "Officials expect the Arrow interceptors to arrive in Germany next month.",
    ],
)
def test_a_transfer_set_down_as_due_is_planned(rules: Extractor, sentence: str) -> None:
    assert {status for *_, status in _keys(rules, sentence)} == {"planned"}


def test_a_licensed_export_is_agreed(rules: Extractor) -> None:
    assert _keys(rules, "Stockholm is licensing the export of Archer howitzers to Kyiv.") == {
        ("SWE", "UKR", "archer", "agreed")
    }


def test_a_report_owned_by_a_party_does_not_make_it_a_recipient(extractor: Extractor) -> None:
    assert _keys(
        extractor,
        "China's foreign ministry rejected a Ukrainian report that Chinese-made attack drones "
        "had reached Russian units, saying Beijing strictly controls drone exports.",
    ) == {("CHN", "RUS", "category:drone", "delivered")}


def test_a_recipient_the_sentence_describes_is_not_replaced_by_the_speaker(
    extractor: Extractor,
) -> None:
    assert _keys(
        extractor,
        "Russia's Africa Corps said in a post that Ukrainian drones were reaching militants "
        "across the Sahel.",
    ) == {("UKR", None, "category:drone", "delivered")}


def test_the_island_refers_back_to_the_state_named_before(extractor: Extractor) -> None:
    assert ("USA", "TWN", "patriot", "delivered") in _keys(
        extractor,
        "Taiwan has few air defences.\n\nThe United States sent the island Patriot batteries "
        "last year.",
    )


def test_a_body_repeated_by_its_head_noun_is_that_bodys_state(rules: Extractor) -> None:
    keys = _keys(
        rules,
        "Norway's Export Control Committee met on Monday.\n\n"
        "Last year the committee halted shipments of rifles to Chad.",
    )
    assert ("NOR", "TCD", "category:small_arms", "halted") in keys


def test_a_head_noun_no_earlier_name_ends_with_names_no_one(rules: Extractor) -> None:
    keys = _keys(
        rules,
        "Norway's Export Control Committee met on Monday.\n\n"
        "Last year the agency halted shipments of rifles to Chad.",
    )
    assert (None, "TCD", "category:small_arms", "halted") in keys


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru bought Mi-17 helicopters from Russia in 2010 and has flown them since.",
        "Russia sold Mi-17 helicopters to Peru, which took delivery in 2012.",
    ],
)
def test_a_sale_whose_buyer_has_the_item_in_service_is_delivered(
    rules: Extractor, sentence: str
) -> None:
    assert _keys(rules, sentence) == {("RUS", "PER", "mi-8", "delivered")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru bought Mi-17 helicopters from Russia and will fly them from 2027.",
        "Peru bought Mi-17 helicopters from Russia but has not flown them yet.",
    ],
)
def test_a_sale_whose_use_is_future_or_denied_stays_agreed(rules: Extractor, sentence: str) -> None:
    assert _keys(rules, sentence) == {("RUS", "PER", "mi-8", "agreed")}


def test_a_clause_hung_on_the_noun_counting_the_item_moves_it(rules: Extractor) -> None:
    assert _keys(
        rules,
        "The shipment brings to 90 the number of K9 howitzers that Seoul has sent to Norway.",
    ) == {("KOR", "NOR", "k9-thunder", "delivered")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Satellite images showed North Korean Koksan guns at a rail yard in Russia.",
        "North Korean Koksan guns were seen in the hands of Russian troops.",
    ],
)
def test_an_item_seen_inside_a_place_or_in_hands_names_who_holds_it(
    rules: Extractor, sentence: str
) -> None:
    assert _keys(rules, sentence) == {("PRK", "RUS", "koksan", "delivered")}


def test_an_origin_phrase_closing_a_list_names_the_maker_of_each_item(rules: Extractor) -> None:
    assert _keys(
        rules,
        "Kornet missiles and rifles of Iranian origin were found in Houthi hands.",
    ) == {
        ("IRN", "houthis", "kornet", "delivered"),
        ("IRN", "houthis", "category:small_arms", "delivered"),
    }


def test_an_arrival_at_a_place_inside_a_state_reaches_that_state(rules: Extractor) -> None:
    assert _keys(rules, "Two Anka drones landed at an air base in Chad on Friday.") == {
        (None, "TCD", "anka", "delivered")
    }


def test_an_item_seized_while_a_clause_on_it_moves_it_is_halted(rules: Extractor) -> None:
    assert _keys(
        rules, "The coast guard seized rifles that smugglers were shipping to the Houthis."
    ) == {(None, "houthis", "category:small_arms", "halted")}


def test_a_transfer_in_a_bare_infinitive_takes_the_status_above_it(rules: Extractor) -> None:
    assert _keys(rules, "Chad has asked the council to let it import rifles from Serbia.") == {
        ("SRB", "TCD", "category:small_arms", "requested")
    }


def test_a_pronoun_object_refers_back_to_the_object_before_it(rules: Extractor) -> None:
    assert ("CHN", "PAK", "j-35", "planned") in _keys(
        rules, "Is Turkey arming Pakistan with drones, and will China send it J-35 jets?"
    )


def test_a_load_set_down_at_a_place_reaches_that_places_state(rules: Extractor) -> None:
    assert _keys(
        rules, "A cargo ship unloaded armoured vehicles and rifles at Mogadishu port on Monday."
    ) == {
        (None, "SOM", "category:armoured_vehicle", "delivered"),
        (None, "SOM", "category:small_arms", "delivered"),
    }


def test_a_pseudo_cleft_names_what_was_sent(rules: Extractor) -> None:
    assert _keys(
        rules,
        "What Iran has sent to Russia is well known: Shahed-136 drones and Fateh-110 missiles.",
    ) == {
        ("IRN", "RUS", "shahed-136", "delivered"),
        ("IRN", "RUS", "fateh-110", "delivered"),
    }
