"""The domain: schema, sources, mapping, store and analyses, testable without a GUI."""
