"""The working group's PDF report: QGIS layouts filled from the analysis outputs (``crs:report``)."""
