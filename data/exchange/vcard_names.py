"""bchan's own vCard parameters and properties. Other programs ignore them;
``bchan import`` reads them to bring a channel back on its rung with its
kind, when the standard ones would not say as much."""

BCHAN_RUNG = "X-BCHAN-RUNG"
BCHAN_KIND = "X-BCHAN-KIND"
# A meeting, a call, a channel with no address: no standard property fits.
BCHAN_CHANNEL = "X-BCHAN-CHANNEL"
BCHAN_CODENAME = "X-BCHAN-CODENAME"
