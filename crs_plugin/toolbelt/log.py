"""The tag under which the plugin writes to QGIS's log panel."""

LOG_TAG = "CRS Service Points"
