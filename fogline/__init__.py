"""Fogline: a dated, sourced, reconciled record of a conflict from crisis reporting, offline."""

__version__ = "0.1.0"
