"""What other programs write that the standards do not say: a charset per
value, UTF-16 without a byte-order mark, Google's escaped URLs with Apple's
labels, LinkedIn's Connections.csv with its preamble. Where no licensed real
file of the kind could be had, the card is built here the way its writer
writes it."""

from __future__ import annotations

from pathlib import Path

from bchan_tui.data import Store
from bchan_tui.data.exchange.importing import import_file

REAL = Path(__file__).parent / "fixtures" / "real"


def ladder(store: Store) -> set[tuple[str, str, str, str]]:
    return {
        (c.rung.value, c.kind.value, c.address, c.label)
        for contact in store.contacts()
        for c in store.channels_of(contact.id)
    }


def test_each_value_is_decoded_by_its_own_charset(store: Store, tmp_path: Path) -> None:
    # A Japanese phone's vCard 2.1: Shift_JIS bytes, named on each property.
    card = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"FN;CHARSET=SHIFT_JIS:" + "安藤 ロイド".encode("shift_jis") + b"\r\n"
        b"NOTE;CHARSET=ISO-8859-1:" + "Café Zürich".encode("latin-1") + b"\r\n"
        b"TEL;CELL;PREF:090-1234-5678\r\nEND:VCARD\r\n"
    )
    (tmp_path / "sjis.vcf").write_bytes(card)
    report = import_file(store, tmp_path / "sjis.vcf")
    assert (report.added, report.skipped) == (1, 0)
    (contact,) = store.contacts()
    assert (contact.name, contact.notes) == ("安藤 ロイド", "Café Zürich")
    assert ladder(store) == {("public", "phone", "090-1234-5678", "")}
    assert "TEL;TYPE=CELL,PREF:090-1234-5678" in contact.vcard.split("\n")


def test_utf16_without_a_byte_order_mark_is_read(store: Store, tmp_path: Path) -> None:
    text = (REAL / "khard" / "contact1.vcf").read_text(encoding="utf-8")
    (tmp_path / "utf16.vcf").write_bytes(text.encode("utf-16-le"))
    report = import_file(store, tmp_path / "utf16.vcf")
    assert report.added == 1
    assert ladder(store) == {
        ("private", "email", "user@example.com", ""),
        ("public", "phone", "0123456789", ""),
    }


def test_a_google_profile_with_an_escaped_colon_and_a_label_is_a_channel(
    store: Store, tmp_path: Path
) -> None:
    (tmp_path / "google.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Smith, Jane\r\nN:Smith;Jane;;;\r\n"
        "ORG:Company, The;Dept\r\nTITLE:VP, Sales\r\n"
        "item1.URL:https\\://x.com/janesmith\r\nitem1.X-ABLabel:Twitter\r\n"
        "item2.URL:https\\://mastodon.example/@jane\r\nitem2.X-ABLabel:Mastodon\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    import_file(store, tmp_path / "google.vcf")
    (contact,) = store.contacts()
    # Unescaped commas keep whole values; ORG's first part is the organisation.
    assert (contact.name, contact.org, contact.role) == ("Smith, Jane", "Company, The", "VP, Sales")
    assert ladder(store) == {
        ("public", "x", "https://x.com/janesmith", "Twitter"),
        ("public", "mastodon", "https://mastodon.example/@jane", "Mastodon"),
    }
    assert "ORG:Company, The;Dept" in contact.vcard.split("\n")


def test_a_broken_photo_is_left_out_and_the_card_imports(store: Store, tmp_path: Path) -> None:
    (tmp_path / "photo.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPROFILE:VCard\r\nFN:Ann Lee\r\n"
        "PHOTO;ENCODING=b;TYPE=JPEG:not*base64*at*all\r\n"
        "EMAIL;TYPE=INTERNET,HOME:ann@home.example\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    report = import_file(store, tmp_path / "photo.vcf")
    assert report.added == 1
    assert report.lines[0].text.endswith("left out: line 5 (PHOTO): the value is not valid base64")
    assert ladder(store) == {("private", "email", "ann@home.example", "")}


def test_linkedin_connections_are_read_after_their_notes(store: Store, tmp_path: Path) -> None:
    # As LinkedIn writes it: a BOM, a "Notes:" preamble, CRLF, quoted commas.
    (tmp_path / "Connections.csv").write_text(
        "\ufeffNotes:\r\n"
        '"When exporting your connection data, you may notice that some of the email '
        'addresses are missing."\r\n'
        "\r\n"
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        'Priya,Shah,https://www.linkedin.com/in/priyashah,,"Nestwise, Inc.",'
        "Head of Engineering,12 Mar 2024\r\n"
        "Sam,Lee,https://www.linkedin.com/in/samlee,sam@fareloop.example,Fareloop,"
        "Product Manager,02 Jan 2025\r\n",
        encoding="utf-8",
    )
    report = import_file(store, tmp_path / "Connections.csv")
    assert report.format == "LinkedIn Connections CSV"
    assert [(line.line, line.outcome.value) for line in report.lines] == [
        (5, "added"),
        (6, "added"),
    ]
    people = {c.name: (c.org, c.role) for c in store.contacts()}
    assert people == {
        "Priya Shah": ("Nestwise, Inc.", "Head of Engineering"),
        "Sam Lee": ("Fareloop", "Product Manager"),
    }
    assert ladder(store) == {
        ("public", "linkedin", "https://www.linkedin.com/in/priyashah", ""),
        ("public", "linkedin", "https://www.linkedin.com/in/samlee", ""),
        ("public", "email", "sam@fareloop.example", ""),
    }


def test_each_google_im_address_keeps_its_own_service(store: Store, tmp_path: Path) -> None:
    # Gmail packs several services into one IM group, one per value.
    import_file(store, REAL / "bbdb-csv-import" / "gmail-test-data.csv")
    assert {c for c in ladder(store) if c[1] == "im"} == {
        ("public", "im", "google-talk data", "Google Talk"),
        ("public", "im", "aim data", "Aim"),
        ("public", "im", "customim data", "CustomIM"),
    }
    (tmp_path / "google.csv").write_text(
        "Name,Given Name,IM 1 - Type,IM 1 - Service,IM 1 - Value\r\n"
        "Jo,Jo,Work,Skype ::: Telegram,jo.skype ::: jo_tg\r\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "other.json") as other:
        import_file(other, tmp_path / "google.csv")
        assert ladder(other) == {
            ("public", "im", "jo.skype", "Skype"),
            ("public", "telegram", "jo_tg", ""),
        }


def test_googles_group_of_all_contacts_is_no_tag_in_either_layout(store: Store) -> None:
    # Gmail's older export says "* My Contacts" where the current one says "* myContacts".
    import_file(store, REAL / "roundcube" / "gmail.csv")
    import_file(store, REAL / "bbdb-csv-import" / "gmail-test-data.csv")
    assert {c.name: c.tags for c in store.contacts()} == {
        "Prefix Firstname Middle Lastname Suffix": ("Test",),
        "test contact": (),
    }


def test_an_isdn_line_is_a_phone_and_a_telex_is_not(store: Store, tmp_path: Path) -> None:
    (tmp_path / "outlook.csv").write_text(
        "First Name,Last Name,Company,ISDN,Telex\r\n"
        "Ida,Berg,Berg AG,+49 30 5555 0100,+49 30 5555 0199\r\n",
        encoding="utf-8",
    )
    import_file(store, tmp_path / "outlook.csv")
    assert ladder(store) == {("public", "phone", "+49 30 5555 0100", "isdn")}
