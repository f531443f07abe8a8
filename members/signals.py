from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Participant, StatusChange


@receiver([post_save, post_delete], sender=StatusChange)
def keep_derived_status_current(sender, instance, raw=False, **kwargs):
    if raw:
        return  # fixtures and archives bring the derived fields with them
    participant = Participant.objects.filter(pk=instance.participant_id).first()
    if participant is not None:
        participant.sync_from_history()
