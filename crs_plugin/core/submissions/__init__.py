"""Contributing service points back to the shared store.

check out (:mod:`.checkout`) → edit in QGIS → validate (:mod:`..validation`) →
build a package (:mod:`.package`, changes computed by :mod:`.changeset`, signed by
:mod:`.signing`) → submit, review and apply (:mod:`.shared_store`, PostgreSQL + PostGIS,
planned by :mod:`.merge`), or hand the signed package over through a shared folder
(:func:`.package.send_to_folder`).
"""
