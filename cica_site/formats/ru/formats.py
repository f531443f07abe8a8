# Russian dates: the day takes the month in the genitive ("3 марта 2020 г."), a month
# alone the nominative ("март 2020 г.": the lower-case month names come from our
# catalogue, as in Russian usage); numbers with a space between thousands and a
# decimal comma ("1 234,5"), as in Django's own Russian formats.
from django.conf.locale.ru.formats import *  # noqa: F403

DATE_FORMAT = r"j E Y \г."
YEAR_MONTH_FORMAT = r"F Y \г."
MONTH_DAY_FORMAT = "j E"
DATETIME_FORMAT = r"j E Y \г., H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
