"""Open data for public finders: Open Referral HSDS 3 tables and objects, GeoJSON, a
Frictionless data package and a self-contained finder page."""
