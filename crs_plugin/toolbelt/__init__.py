"""Small QGIS-side helpers shared by the plugin, its algorithms and its panels."""
