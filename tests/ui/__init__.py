"""Tests of the Textual dashboard, driven through Pilot."""
