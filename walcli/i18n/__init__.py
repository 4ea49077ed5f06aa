"""Everything a person reads, in French and English: the message catalog (`t`) and locale
formatting of money, numbers, percentages and dates (`walcli.i18n.format`, with Babel)."""

from walcli.i18n.catalog import t

__all__ = ["t"]
