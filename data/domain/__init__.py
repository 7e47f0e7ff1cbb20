"""The domain rules: records, heat, the ladder and reach now, relationship
health, the give/get ledger, matching and naming people, the scrubber for
free text, and redaction.

Plain functions and dataclasses over the records, which are msgspec
structs. May import the standard library, pendulum, phonenumbers, msgspec
and ``bchan_tui.data.errors``; nothing else of bchan.
"""
