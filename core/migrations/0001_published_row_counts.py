from django.db import migrations, models


class Migration(migrations.Migration):
    """PublishedRowCount moves from the site app to core: the table stays as it is."""

    initial = True

    dependencies = [("cica_site", "0005_published_row_counters")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PublishedRowCount",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("table_name", models.CharField(max_length=63, unique=True)),
                        ("published", models.BigIntegerField()),
                    ],
                    options={
                        "db_table": "cica_site_publishedrowcount",
                        "ordering": ["table_name"],
                    },
                ),
            ],
        ),
    ]
