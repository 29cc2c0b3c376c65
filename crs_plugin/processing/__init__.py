"""Processing provider (id ``crs``) and its algorithms: thin shells over ``core``."""
