import calendar
import datetime

import django.utils.timezone
from django.db import migrations, models


def fill_last_date(apps, schema_editor):
    # A frozen copy of events.models.last_day_covered: migrations must not import live code.
    Event = apps.get_model("events", "Event")
    for event in Event.objects.all().only("start_date", "end_date", "date_precision"):
        start = event.start_date
        if event.end_date:
            last = event.end_date
        elif event.date_precision == "month":
            last = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        elif event.date_precision in ("year", "by_year"):
            last = datetime.date(start.year, 12, 31)
        else:
            last = start
        Event.objects.filter(pk=event.pk).update(last_date=last)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="last_date",
            field=models.DateField(
                db_index=True, editable=False, null=True, verbose_name="last day covered"
            ),
        ),
        migrations.RunPython(fill_last_date, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="event",
            name="last_date",
            field=models.DateField(db_index=True, editable=False, verbose_name="last day covered"),
        ),
        migrations.AlterField(
            model_name="event",
            name="updated_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, editable=False, verbose_name="last modified"
            ),
        ),
    ]
