"""Settings for the real Celery worker the process-kill test starts: the portal's settings,
a mail backend that writes each message to its own file slowly (so the test can kill the
worker mid-batch), and a short Redis visibility timeout (so a killed worker's task comes
back in seconds, not an hour)."""

import os

from network_portal.settings import *  # noqa: F403

EMAIL_BACKEND = "tests.notifications.backends.SlowFileBackend"
MAIL_DIR = os.environ["NOTIFICATIONS_TEST_MAIL_DIR"]
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 5,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
