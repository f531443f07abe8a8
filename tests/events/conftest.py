import datetime
import zoneinfo

import pytest
import time_machine

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
# A Monday in the site's zone; the events tests happen "now".
NOW = datetime.datetime(2030, 6, 10, 12, 0, tzinfo=ALMATY)


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW
