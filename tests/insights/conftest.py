from tests.editorial.conftest import (  # noqa: F401 (the editorial roles' fixtures)
    editor,
    editor_in_group_client,
    moderator,
    moderator_client,
)
