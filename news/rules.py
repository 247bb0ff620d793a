"""Who may do what with news. Editors are `permissions.is_editor` (role EDITOR or site admin).

Any signed-in member may write a story and send it for review (club boards and member
organisations submit activity stories this way); editors review, edit, publish and unpublish.
"""

import rules

from network_portal.roles.permissions import editor, member

from .models import Status


@rules.predicate
def is_author(user, article) -> bool:
    return article is not None and article.author_id == user.pk


@rules.predicate
def is_draft(user, article) -> bool:
    return article is not None and article.status == Status.DRAFT


@rules.predicate
def is_in_review(user, article) -> bool:
    return article is not None and article.status == Status.REVIEW


@rules.predicate
def is_published(user, article) -> bool:
    return article is not None and article.status == Status.PUBLISHED


rules.add_perm("news.add_article", member)
rules.add_perm("news.change_article", editor | (member & is_author & is_draft))
rules.add_perm("news.preview_article", editor | (member & is_author))
rules.add_perm("news.submit_article", member & is_author & is_draft & ~editor)
rules.add_perm("news.publish_article", editor)
rules.add_perm("news.unpublish_article", editor & is_published)
rules.add_perm("news.return_article", editor & is_in_review)
rules.add_perm("news.use_desk", editor)
rules.add_perm("news.manage_categories", editor)
