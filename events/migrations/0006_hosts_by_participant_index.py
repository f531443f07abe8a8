from django.db import migrations

# The hosts table is the auto-created one of Event.hosts, which has no Meta to declare
# an index in. Its single-column index on participant_id made "did this state host a
# published event?" read every row of a state that hosted none; with the event id in
# the index, each state is one index probe (the host filter of the event list).
INDEX = "events_event_hosts_participant_event"


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_scale_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON events_event_hosts (participant_id, event_id)",
            f"DROP INDEX {INDEX}",
        ),
    ]
