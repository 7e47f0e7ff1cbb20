"""What each file of ``tests/fixtures/real`` says, read from the file itself:
the contacts it holds, each with its organisation, role and channels
("rung kind address"), or the error that refuses the whole file.

A channel is private when the file marks it HOME (a home address must never
reach the public rung); faxes, pagers and ordinary web pages are not channels.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Card:
    name: str
    org: str = ""
    role: str = ""
    channels: frozenset[str] = field(default_factory=frozenset)
    # Kept vCard lines the card must bring with it (a subset).
    kept: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def card(
    name: str,
    *channels: str,
    org: str = "",
    role: str = "",
    kept: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Card:
    return Card(name, org, role, frozenset(channels), kept, tags)


# Rows in the files refused whole: khard's own CSV (3 and 3), Thunderbird's
# without a header (2) and with semicolons (2).
REFUSED_ROWS = 10

# Files refused whole: the start of the message.
REFUSED = {
    "khard/neat.csv": "the CSV header ('Formatted name', 'Kind', 'Prefix', 'First name', ...)",
    "khard/jumbled.csv": "the CSV header ('Prefix', 'Address 3 - type', 'Additional 2',",
    "thunderbird/csv_no_header.csv": "the CSV header ('John Doe', 'John', 'Doe',",
    "thunderbird/csv_semicolon.csv": "the CSV header ('Display Name;First Name;Last Name;Primary",
}

# Cards or rows skipped whole, by file: (line, reason).
SKIPPED = {
    "khard/unparsable.vcf": [(1, "the file ends inside this card (no END:VCARD)")],
}

EXPECTED: dict[str, list[Card]] = {
    # Addresses and web pages are not channels; the birthday, relations and
    # events of a CSV row are not kept.
    "bbdb-csv-import/gmail-test-data.csv": [
        card(
            "test contact",
            "private email homeemail@home.com",
            "public email workemail@work.com",
            "public email customemail@custom.com",
            # One IM group of three services: Google Talk, AIM and a custom one.
            "public im google-talk data",
            "public im aim data",
            "public im customim data",
            "public phone customphone 123-1234-1234",
            "public phone mobilephone 123-234-2433",
            "public phone workphone 123-1234-234",
            org="company-name",
            role="titledata",
        )
    ],
    # LinkedIn's export of 2014, in Outlook's layout: the honorific ("Title")
    # and suffix are not part of the name; telex and faxes are no channels.
    "bbdb-csv-import/linkedin-test-data.csv": [
        card(
            "testfirst testmiddle testlast",
            "public email testmeil@hotmail.com",
            "public email 2ndemailtest",
            "public email 3rdemail@test",
            "public phone test assist phone",
            "public phone business phone test",
            "public phone 1234 business phone 2",
            "public phone 1234 callback test",
            "public phone car phone test",
            "public phone company main phone test",
            "private phone home phone test",
            "private phone home phone 2 test",
            "public phone isdn test",
            "public phone mobile phone test",
            "public phone other pone test",
            "public phone primary phone test",
            "public phone radio phone test",
            "public phone tty phone test",
            org="testcompany",
            role="test title",
        ),
        card(
            "testfirst2 testmiddle2 testlast2",
            "public email testmeil@hotmail.com2",
            "public email 2ndemailtest2",
            "public email 3rdemail@test2",
            "public phone test assist phone2",
            "public phone business phone test2",
            "public phone 1234 business phone 22",
            "public phone 1234 callback test2",
            "public phone car phone test2",
            "public phone company main phone test2",
            "private phone home phone test2",
            "private phone home phone 2 test2",
            "public phone isdn test2",
            "public phone mobile phone test2",
            "public phone other pone test2",
            "public phone primary phone test2",
            "public phone radio phone test2",
            "public phone tty phone test2",
            org="testcompany2",
            role="test title2",
        ),
    ],
    "bbdb-csv-import/outlook-web-test-data.csv": [
        card("test name", "public phone 12341234"),
        card("test name2", "public phone 1234"),
    ],
    "bbdb-csv-import/thunderbird-test-data.csv": [
        # A row with only an address is named by it.
        card("justanemail@cox.net", "public email justanemail@cox.net"),
        card("Weather", "public phone 289-1212"),
        card(
            "Bob Dole",
            "public email dole49@hotmail.com",
            "public email secondarydole@hotmail.com",
            "public im Dolescreen-name",
            "public phone 555-123-4567",
            "private phone 555-123-1111",
            "public phone 555-333-3333",
            org="org1",
            role="job title master",
        ),
    ],
    "kawsay/Connections.csv": [
        card(
            "José García",
            "public linkedin https://www.linkedin.com/in/josegarcia",
            org="Acme, Inc.",
            role="Senior Engineer",
        ),
        card(
            "Æsop Fontaine",
            "public email aesop@example.com",
            "public linkedin https://www.linkedin.com/in/aesop",
            org="Globex",
            role="Director, Operations",
        ),
    ],
    "rolomind/google.csv": [
        card(
            "John Doe",
            "public phone +1-555-0123",
            "public email john@example.com",
            org="Acme Corp",
            role="CEO",
        ),
        card(
            "Jane Smith",
            "public phone +1-555-0124",
            "public email jane@example.com",
            org="Tech Co",
            role="CTO",
        ),
        card("Bob Wilson", "public email bob@startup.com", org="Startup Inc", role="Founder"),
        card(
            "Alice Brown",
            "public phone +1-555-0125",
            "public email alice.brown@email.com",
            org="AI Labs",
            role="Director",
        ),
    ],
    "android/v21_sip.vcf": [card("Android", kept=("X-SIP:888",))],
    "android/v30_comma_separated.vcf": [
        # N is family;given;additional: F;G;M.
        card("G M F", "public phone 1", kept=("N;TYPE=PREF,HOME:F;G;M;;",)),
    ],
    "android/v40_sip.vcf": [
        card("安藤 ロイド", "private phone 1", "public phone sip:example@example.com"),
    ],
    "evolution/3.vcf": [
        card(
            "Nat",
            "public phone 617 679 1984",
            "public phone 123 456 7890",
            "public email nat@nat.org",
            "public email nat@ximian.com",
            kept=("N:Friedman;Nat;D;Mr.", "BDAY:1977-08-06"),
        )
    ],
    "evolution/5.vcf": [
        card(
            "十城目管理大型知座",
            # The card gives a name for its work, home and cell numbers; the fax is no channel.
            "public phone 十城目管理大型知座",
            "public email weird@weird.com",
            org="十城目管理大型知座",
            role="十城目管理大型知座",
        )
    ],
    "evolution/10.vcf": [
        card(
            "Frank Dawson",
            "public phone +1-919-676-9515",
            org="Lotus Development Corporation",
            kept=(
                'ADR;TYPE="Both work and home",POSTAL,PARCEL:;;6544 Battleford Drive;'
                "Raleigh;NC;27613-3502;U.S.A.",
            ),
        )
    ],
    "evolution/11.vcf": [card("Invalid AttributeParam")],
    "evolution/12.vcf": [
        card(
            "Michael Brüning",
            "public phone +491622433834",
            "private phone 017623384942",
            "public phone +4973117546691",
            "public email ext-Michael.Bruning@nokia.com",
            kept=(
                "N:Brüning;Michael",
                "ADR;TYPE=HOME:;;Münsterplatz 21;Ulm;Baden-Württemberg;89073;",
                "BDAY:19781229",
            ),
        )
    ],
    "evolution/simple-1.vcf": [card("Foo Bar", "public email foo.bar@example.org")],
    "evolution/simple-2.vcf": [card("Baz Qux", "public email baz.qux@example.com")],
    "ez-vcard/fullcontact.vcf": [
        card(
            "Prefix FirstName MiddleName LastName Suffix",
            "private phone 555-555-1111",
            "public phone 555-555-1112",
            "public phone 555-555-1113",
            "public phone 555-555-1114",
            "public phone 555-555-1115",
            "public phone 555-555-1118",
            "public phone 555-555-1119",
            "private email home@example.com",
            "public email work@example.com",
            "public email school@example.com",
            "public email other@example.com",
            "public email custom@example.com",
            "public im gtalk",
            "public im skype",
            "public im yahoo",
            "public im aim",
            "public im jabber",
            "public im other:other",
            "public im customtype:custom",
            org="Organization1",
            role="Title1",
            tags=("Tag",),
            kept=(
                "TEL;TYPE=cell,voice:555-555-1113",
                "ORG:Organization2;Department2",
                "NICKNAME:NickName",
                "IMPP;X-SERVICE-TYPE=Skype:skype:skype",
                "URL:http://www.homepage.com",
                "ADR;TYPE=home:;HomeExtended;HomeStreet;HomeCity;HomeState;HomePostal;HomeCountry",
            ),
        )
    ],
    "ez-vcard/gmail-list.vcf": [
        card("Arnold Smith", "public email asmithk@gmail.com"),
        card("Chris Beatle", "public email chrisy55d@yahoo.com"),
        card("Doug White", "public email dwhite@gmail.com"),
    ],
    "ez-vcard/gmail-single2.vcf": [
        card(
            "VCard Test",
            "public email email@example.com",
            "private email homeemail@example.com",
            "public email workemail@example.com",
            "public email otheremail@example.com",
            "public email customcategory@example.com",
            "public im IM2",
            "public im IM3",
            "public im IM4",
            "public im IM5",
            "public im IM6",
            "public im IM7",
            "public im IM8",
            "public im IM9",
            "public phone 5555551111",
            "private phone 5555551112",
            "public phone 5555551113",
            "public phone 5555551114",
            "public phone 5555551115",
            "public phone 5555551116",
            "public phone 5555551119",
            "public phone 5555551121",
            org="TheCompany",
            role="TheJobTitle",
            kept=(
                "NICKNAME:TheNickname",
                "BDAY:1912-06-23",
                "item5.URL:http\\://www.example2.com",
                "item5.X-ABLABEL:PROFILE",
                "item4.ADR:;;115 Main St;NY;New York;10011;",
            ),
        )
    ],
    "khard/altid.vcf": [card("altid", kept=("N;ALTID=1:representation;one;;;",))],
    "khard/category.vcf": [
        card("contact with category", "public email testcat@example.org", tags=("testcategory",))
    ],
    "khard/contact1.vcf": [
        card("second contact", "private email user@example.com", "public phone 0123456789")
    ],
    "khard/contact_with_multiple_values.vcf": [
        card(
            "Dr. Mark Schröder II",
            "public email mark@example.com",
            "public email mark@example.org",
            "public phone 0161 99999999",
            "public phone 090 11122200",
            "public phone 090 33344400",
            "public phone 090 55566600",
            "public im jabber1",
            "public im jabber2",
            "public im skype1",
            "public im skype2",
            "public x twitter1",
            "public x twitter2",
            "public x twitter3",
            org="Company1",
            role="CEO",
            tags=("cat1", "cat2", "cät3", "one more"),
            kept=(
                "ORG:Company1;Sub-Company1",
                "ORG:Company2",
                "ROLE:CTO",
                "TITLE:research scientist",
                "NICKNAME:several",
                "itemadr1.ADR:;;Riverlane 1;A City;Region;99A99;Country",
                "itemadr1.X-ABLABEL:Custom",
            ),
        )
    ],
    "khard/individual.vcf": [card("Wile E. Coyote", org="ACME Inc.", kept=("N:Coyote;Wile;E.;;",))],
    "khard/issue249.vcf": [card("Foo Bar")],
    "khard/joe.vcf": [
        card(
            "Joe Citizen", "public email jcitizen@foo.com", kept=("NICKNAME:horrible_human_being",)
        )
    ],
    "khard/korean-c.vcf": [card("최유림")],
    "khard/korean-j.vcf": [card("전도훈")],
    "khard/labels.vcf": [
        card("labeled guy", org="Test Inc", kept=("item1.ORG:Test Inc", "item1.X-ABLABEL:Work"))
    ],
    "khard/minimal.vcf": [card("minimal contact")],
    "khard/minimal2.vcf": [card("second contact with a simple Vcard")],
    "khard/multiemail.vcf": [
        card(
            "multi email",
            "public email searchme@otherdomain.com",
            "public email testname@domain.net",
        )
    ],
    "khard/nickname.vcf": [
        card("Michael Smith", "public email ms@example.org", kept=("NICKNAME:Mike",))
    ],
    "khard/no-nickname.vcf": [card("Mike Jones", "public email mj@example.org")],
    "khard/org.vcf": [card("ACME Inc.", org="ACME Inc.", kept=("KIND:org",))],
    "khard/photov3.vcf": [
        card(
            "with photo v3",
            kept=(
                "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAANSUhEUgAAAAsAAAALCAQAAAADpb+tAAAAQklEQVQI"
                "122PQQ4AMAjCKv//Mzs4M0zmRYKkamEwWQVoRJogk4PuRoOoMC/EK8nYb+l08WGvSxKlNHO5kxnp/WXr"
                "AzsSERN1N6q5AAAAAElFTkSuQmCC",
            ),
        )
    ],
    "khard/photov4.vcf": [card("with photo v4")],
    "khard/post.vcf": [
        card(
            "With post address",
            kept=("ADR;TYPE=home:PostBox;Ext;Main Street 1;The City;SomeState;00000;HomeCountry",),
        )
    ],
    "khard/tel-value-uri.vcf": [card("bug 195", "public phone 67545678")],
    "khard/text-bday.vcf": [card("text birthday", kept=("BDAY;VALUE=text:circa 1800",))],
    "khard/unparsable.vcf": [],
    # SOGo wrote a card with no FN or N: it is named by its address.
    "radicale/broken-vcard.vcf": [
        card("test-misses-N-or-FN@example.com", "public email test-misses-N-or-FN@example.com")
    ],
    "radicale/broken-vcards.vcf": [
        card("test-misses-N-or-FN@example.com", "public email test-misses-N-or-FN@example.com"),
        card("test-misses-N-or-FN@example1.com", "public email test-misses-N-or-FN@example1.com"),
    ],
    "radicale/contact1.vcf": [card("Contact", kept=("NICKNAME:test",))],
    "radicale/contact1_v3.vcf": [card("Contact", kept=("NICKNAME:test",))],
    "radicale/contact2-with-bday.vcf": [
        card("Test-FN", kept=("N:FamilyTest;GivenTest;AdditionalsTest;;", "BDAY:1970-01-01"))
    ],
    "radicale/contact3-with-bday.vcf": [card("Test-FN-C3", kept=("BDAY:1990-01-01",))],
    "radicale/contact4-with-bday-no-year.vcf": [
        card("Test bday without year Thunderbird CardBook", kept=("BDAY:16040101",))
    ],
    "radicale/contact_issue2224.vcf": [
        card(
            "Pretty Long With-Hyphen Name",
            "private email xxxxxxxxxxxxxxxxxxxx",
            "public phone xxxxxxxxxxxxxx",
            tags=("xxxxxx",),
            kept=("N:Name;Pretty;Long,With-Hyphen;;", "TEL;TYPE=cell:xxxxxxxxxxxxxx"),
        )
    ],
    "radicale/contact_multiple_v3.vcf": [card("Contact1"), card("Contact2")],
    "radicale/contact_photo_with_data_uri.vcf": [
        card(
            "Contact",
            kept=(
                "PHOTO:data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAAD0lEQVQI"
                "HQEEAPv/AP///wX+Av4DfRnGAAAAAElFTkSuQmCC",
            ),
        )
    ],
    "radicale/vcard-quoted-printable1.vcf": [
        card(
            "黄世勇",
            kept=(
                "N:黄;世勇;;;",
                "ADR;TYPE=HOME:;;;北京 丰台区;;;",
                "URL:http://weibo.com/3094900433?闪闪H红星",
            ),
        )
    ],
    "radicale/vcard1.vcf": [card("Theo Tester", "public email theo.tester@radicale.org")],
    "roundcube/all.csv": [
        card(
            "First Name Middle Name Last Name",
            "private email home@example.com",
            "public email work@example.com",
            "public email other@example.com",
            "private phone 100",
            "private phone 200",
            "public phone 300",
            "public phone 400",
            "public phone 900",
            "public phone 333",
            "public phone 444",
            "public phone 600",
            org="Company",
            role="Job Title",
            tags=("test",),
        )
    ],
    "roundcube/apple.vcf": [
        card(
            "Apple Computer AG",
            org="Apple Computer AG",
            kept=(
                "item1.ADR;TYPE=WORK,pref:;;Birgistrasse 4a;Wallisellen-Zürich;;8304;Switzerland",
                "item2.URL;TYPE=pref:http\\://www.apple.ch",
                "item2.X-ABLABEL:_$!<HomePage>!$_",
            ),
        )
    ],
    "roundcube/email.csv": [
        card("test1@domain.tld", "public email test1@domain.tld"),
        card("test2@domain.tld", "public email test2@domain.tld"),
        card("test3@domain.tld", "public email test3@domain.tld"),
        card("test4@domain.tld", "public email test4@domain.tld"),
    ],
    # Gmail's older export, in UTF-16: pager and faxes are no channels, "* My
    # Contacts" is Google's group of everyone, not a tag.
    "roundcube/gmail.csv": [
        card(
            "Prefix Firstname Middle Lastname Suffix",
            "private email home@aaa.pl",
            "public email work@email.pl",
            "public email unknown@email.com",
            "public email other@email.com",
            "public phone mainphone",
            "private phone homephone",
            "public phone mobile",
            "public phone workphone",
            org="company",
            role="jobtitle",
            tags=("Test",),
        )
    ],
    "roundcube/johndoe.vcf": [
        card(
            "John Doë",
            "public email inbox@roundcube.net",
            "private email roundcube@gmail.com",
            "public phone +123456789",
            org="roundcube.net",
            # N only repeats FN: bchan writes it back from the name.
            kept=("ADR;TYPE=WORK:;;The street;Hometown;;5555;Cayman Islands",),
        )
    ],
    "roundcube/outlook.csv": [
        card(
            "test1@domain.tld",
            "public email test1@domain.tld",
            "public email test2@domain.tld",
            "public email test3@domain.tld",
        )
    ],
    # The Bat! wrote =F1 with no CHARSET: read as Windows-1252, not its Polish "ń".
    "roundcube/thebat.vcf": [
        card(
            "Piotr Iksiñski", "public email piotr.iksinski@somedomain.com", kept=("X-GENDER:Male",)
        )
    ],
    "roundcube/tb_plain.csv": [
        card(
            "Displayname",
            "public email test@domain.tld",
            "public email next@domain.tld",
            "public phone phone work",
            "private phone phone home",
            "public phone mobile",
            org="Organization",
            role="title",
        )
    ],
    "thunderbird/basic_csv_addressbook.csv": [
        card("John Doe", "public email john@doe.invalid"),
        card("Jane Doe", "public email jane@doe.invalid"),
    ],
    "thunderbird/dos_vcard_addressbook.vcf": [
        card("Name Surname", "private email example@gmail.com")
    ],
    "thunderbird/export.csv": [
        card("contact number one", "public email contact1@invalid"),
        card("contact number two", "public email contact2@invalid", role='"worker"'),
    ],
    "thunderbird/export.vcf": [
        card("contact number one", "public email contact1@invalid"),
        card("contact number two", "public email contact2@invalid", role='"worker"'),
    ],
}

# Notes the files hold, where they say something worth checking.
NOTES = {
    ("roundcube/gmail.csv", "Prefix Firstname Middle Lastname Suffix"): 'note"note',
    ("bbdb-csv-import/gmail-test-data.csv", "test contact"): "notes data",
    ("bbdb-csv-import/linkedin-test-data.csv", "testfirst testmiddle testlast"): "notes test",
    ("bbdb-csv-import/thunderbird-test-data.csv", "Bob Dole"): "notes ok yes notes",
    ("thunderbird/export.vcf", "contact number two"): "here's some unicode text…",
    ("thunderbird/export.csv", "contact number two"): "here's some unicode text…",
    ("ez-vcard/fullcontact.vcf", "Prefix FirstName MiddleName LastName Suffix"): (
        "Notes line 1\nNotes line 2"
    ),
    ("khard/contact_with_multiple_values.vcf", "Dr. Mark Schröder II"): (
        "multi-line\nnote\n\nsingle line note"
    ),
}
