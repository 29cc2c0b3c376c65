"""Contributing service points back to the shared store.

check out (:mod:`.checkout`) → edit in QGIS → validate (:mod:`..validation`) →
build a package (:mod:`.package`, changes computed by :mod:`.changeset`) →
submit and apply (:mod:`.shared_store`, PostgreSQL + PostGIS), or hand the
package over through a shared folder (:func:`.package.send_to_folder`).
"""
