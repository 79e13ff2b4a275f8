"""UIP Administration: the project package (settings, URLs, the About page)."""
