from django.db import migrations, models


def number_existing_steps(apps, schema_editor):
    """Give rows recorded before this migration their order by date, then by entry."""
    StatusChange = apps.get_model("plans", "StatusChange")
    plan_ids = StatusChange.objects.values_list("plan_id", flat=True).distinct()
    for plan_id in plan_ids:
        changes = StatusChange.objects.filter(plan_id=plan_id).order_by("decided_on", "pk")
        for step, change in enumerate(changes, start=1):
            StatusChange.objects.filter(pk=change.pk).update(step=step)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="statuschange",
            name="step",
            field=models.PositiveSmallIntegerField(default=0, editable=False, verbose_name="step"),
            preserve_default=False,
        ),
        migrations.RunPython(number_existing_steps, migrations.RunPython.noop),
    ]
