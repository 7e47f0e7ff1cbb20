"""A writer for the crash test: opens a book, then logs touches as fast as it
can, printing each touch id once ``log_touch`` has returned (acknowledged).

Every fifth touch is logged in a batch, which rewrites the whole file, so
kills land in whole-file writes as well as in journal appends."""

from __future__ import annotations

import sys

from bchan_tui.data import Store


def main(path: str) -> None:
    store = Store(path)
    contacts = store.contacts()[:50]
    channels = [(c.id, store.channels_of(c.id)) for c in contacts]
    print("ready", flush=True)
    number = 0
    while True:
        contact_id, ladder = channels[number % len(channels)]
        channel = ladder[number % len(ladder)]
        if number % 5 == 4:
            with store.batch():
                touch = store.log_touch(
                    contact_id, channel.id, reason="crash test", note=f"n{number}"
                )
        else:
            touch = store.log_touch(contact_id, channel.id, reason="crash test", note=f"n{number}")
        print(touch.id, flush=True)
        number += 1


if __name__ == "__main__":
    main(sys.argv[1])
