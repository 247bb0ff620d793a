"""The topic catalogue of the model (seeds/004): the six topics of the monthly meetings."""

from django.db import migrations

TOPICS = [
    "Luật Bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
    "Lựa chọn giới tính khi sinh",
    "Định kiến giới",
    "Bạo lực đối với phụ nữ và trẻ em",
    "Tảo hôn và hôn nhân cưỡng ép",
    "Nam giới chia sẻ việc nhà, nuôi dạy con và tham gia hoạt động xã hội",
]


def add_topics(apps, schema_editor):
    Topic = apps.get_model("clubs", "Topic")
    for order, name in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(name=name, defaults={"is_core": True, "order": order})


class Migration(migrations.Migration):
    dependencies = [("clubs", "0001_initial")]

    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
