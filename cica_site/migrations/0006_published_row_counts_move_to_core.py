from django.db import migrations


class Migration(migrations.Migration):
    """PublishedRowCount now belongs to core (core 0001); its table stays."""

    dependencies = [
        ("cica_site", "0005_published_row_counters"),
        ("core", "0001_published_row_counts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PublishedRowCount")],
        ),
    ]
