"""The site's date and number formats per language (settings.FORMAT_MODULE_PATH).

Templates and code ask for the named formats (DATE_FORMAT, YEAR_MONTH_FORMAT,
MONTH_DAY_FORMAT, DATETIME_FORMAT), never for a pattern of their own, so that each
language writes every date of the site one way.
"""
