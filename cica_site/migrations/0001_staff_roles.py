from django.db import migrations


def create_roles(apps, schema_editor):
    from core.staff.roles import sync_roles

    sync_roles()


def remove_roles(apps, schema_editor):
    from core.staff.roles import EDITOR, PUBLISHER

    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, PUBLISHER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0002_history_and_publish_permission"),
        ("plans", "0001_initial"),
        ("events", "0002_initial"),
        ("publications", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
