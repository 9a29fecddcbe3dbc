"""One page that needs the database to have been migrated: it counts the migrations applied."""
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpResponse


def home(request):
    applied = MigrationRecorder.Migration.objects.count()
    return HttpResponse(f"<h1>Guestbook</h1><p>{applied} migrations applied</p>\n")
