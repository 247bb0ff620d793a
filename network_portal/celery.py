"""The Celery app. Settings come from Django settings under the CELERY_ namespace."""

import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings")

app = Celery("network_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def ensure_filesystem_broker_folders(sender, **_kwargs) -> None:
    """The quick start's filesystem broker needs its folders before anyone publishes or listens."""
    options = sender.conf.broker_transport_options or {}
    if str(sender.conf.broker_url).startswith("filesystem"):
        for key in ("data_folder_in", "data_folder_out", "processed_folder"):
            if options.get(key):
                Path(options[key]).mkdir(parents=True, exist_ok=True)
