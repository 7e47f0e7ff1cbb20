"""The domain rules: records, heat, the ladder and reach now, relationship
health, the give/get ledger, matching and naming people, the scrubber for
free text, and redaction.

Plain functions and dataclasses over the records. May import the standard
library, pendulum, phonenumbers and ``bchan_tui.data.errors``; nothing else
of bchan.
"""
