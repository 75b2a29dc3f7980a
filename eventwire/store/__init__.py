"""Storage of analyses (DuckDB)."""

from eventwire.store.duckdb_store import TABLES, Store, rows_of

__all__ = ["TABLES", "Store", "rows_of"]
