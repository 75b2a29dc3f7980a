"""Pipeline stages: one module per stage, one entry point each (see ``pipeline.REGISTRY``)."""
