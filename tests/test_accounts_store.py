"""Accounts in the store: names are required, bounded, cleaned like every
other field, and never another account's, whatever the case."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Account, NotFoundError, Store, ValidationError


def test_an_account_is_added_and_read_back_after_a_reopen(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    with Store(db_path) as store:
        account = store.add_account(
            "Northwind Logistics",
            official_process="RFP run by Purchasing, decision in March",
            notes="Jonas runs the RFP.\nMarta is the champion.",
        )
    with Store(db_path) as reopened:
        assert reopened.accounts() == [account]
        assert reopened.account(account.id).notes == "Jonas runs the RFP.\nMarta is the champion."


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "account name is required"),
        ("   ", "account name is required"),
        ("\x07\x1b", "account name is required"),
        ("N" * 201, "account name is 201 characters long; the limit is 200"),
    ],
)
def test_an_account_needs_a_name_of_at_most_200_characters(
    store: Store, name: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        store.add_account(name)
    assert store.accounts() == []


def test_a_name_of_exactly_200_characters_is_kept(store: Store) -> None:
    assert store.add_account("N" * 200).name == "N" * 200


def test_control_characters_are_stripped_from_every_account_field(store: Store) -> None:
    account = store.add_account(
        "  North\x1b[31mwind\x00 ",
        official_process="RFP\x07 in March",
        notes="line one\x08\nline two",
    )
    assert account.name == "North[31mwind"
    assert account.official_process == "RFP in March"
    assert account.notes == "line one\nline two"


@pytest.mark.parametrize("twin", ["Northwind", "NORTHWIND", "  northwind ", "North\x00wind"])
def test_a_second_account_of_the_same_name_is_refused_whatever_the_case(
    store: Store, twin: str
) -> None:
    first = store.add_account("Northwind")
    with pytest.raises(ValidationError, match='there is already an account named "Northwind"'):
        store.add_account(twin)
    assert store.accounts() == [first]


def test_renaming_onto_another_accounts_name_is_refused_and_changes_nothing(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    with Store(db_path) as store:
        store.add_account("Globex Bank")
        northwind = store.add_account("Northwind", official_process="RFP in March")
        with pytest.raises(ValidationError, match='already an account named "Globex Bank"'):
            store.update_account(northwind.id, name="globex bank", official_process="changed")
        assert store.account(northwind.id) == northwind
    with Store(db_path) as reopened:
        assert reopened.account(northwind.id) == northwind


def test_an_account_may_change_the_case_of_its_own_name(store: Store) -> None:
    account = store.add_account("northwind")
    renamed = store.update_account(account.id, name="Northwind")
    assert renamed.name == "Northwind"
    assert store.accounts() == [renamed]


def test_an_edit_that_leaves_the_name_alone_passes_the_name_check(store: Store) -> None:
    account = store.add_account("Northwind")
    edited = store.update_account(account.id, official_process="shortlist in January")
    assert edited == Account(
        id=account.id, name="Northwind", official_process="shortlist in January"
    )


def test_an_edit_is_validated_like_an_addition(store: Store) -> None:
    account = store.add_account("Northwind")
    with pytest.raises(ValidationError, match="account name is required"):
        store.update_account(account.id, name=" \t ")
    with pytest.raises(ValidationError, match="official process is 2,001 characters long"):
        store.update_account(account.id, official_process="x" * 2001)
    assert store.account(account.id) == account


def test_editing_an_account_that_does_not_exist_says_so(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.update_account("f" * 32, name="Northwind")
