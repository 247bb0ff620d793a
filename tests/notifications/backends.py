"""Mail backends that misbehave on purpose (set settings.EMAIL_BACKEND to one of them)."""

import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend


class WorkerKilled(BaseException):
    """What a SIGKILL looks like from inside: nothing after it runs, no except catches it."""


class Script:
    """What the next sends do: a list of "ok", "down", "refused", "kill"; then "ok"."""

    steps: list[str] = []
    open_fails = 0


class ScriptedBackend(EmailBackend):
    def open(self):
        if Script.open_fails:
            Script.open_fails -= 1
            raise ConnectionRefusedError("mail server down")
        return super().open()

    def send_messages(self, messages):
        step = Script.steps.pop(0) if Script.steps else "ok"
        if step == "down":
            raise smtplib.SMTPServerDisconnected("connection lost")
        if step == "refused":
            raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (550, b"no such user")})
        if step == "kill":
            raise WorkerKilled
        return super().send_messages(messages)


def script(*steps, open_fails=0, keep_outbox=False):
    Script.steps = list(steps)
    Script.open_fails = open_fails
    if not keep_outbox:
        mail.outbox = []


class SlowFileBackend(EmailBackend):
    """Each message to its own file in settings.MAIL_DIR, a quarter second apart."""

    def send_messages(self, messages):
        import time
        import uuid
        from pathlib import Path

        from django.conf import settings

        for message in messages:
            time.sleep(0.25)
            path = Path(settings.MAIL_DIR) / f"{uuid.uuid4().hex}.eml"
            path.write_bytes(message.message().as_bytes())
        return len(messages)
