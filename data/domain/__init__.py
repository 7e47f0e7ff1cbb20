"""The domain rules: records, heat, the ladder and reach now, relationship
health, the give/get ledger, matching and naming people, the scrubber for
free text, and redaction.

Plain functions over the records. Records and the other values here are
msgspec structs: one is defined in a thirtieth of a frozen dataclass's
time, which every command pays at start. May import the standard library,
pendulum, phonenumbers, msgspec and ``bchan_tui.data.errors``; nothing
else of bchan.
"""
