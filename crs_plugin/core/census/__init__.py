"""Statistics Canada census files: the characteristics catalogue, the Census Profile
(bulk CSV and SDMX answer), boundary files and the Geographic Attribute File."""
