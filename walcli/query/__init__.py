"""Selecting records: dotted paths into values, filters, --where expressions, sorting, search."""
