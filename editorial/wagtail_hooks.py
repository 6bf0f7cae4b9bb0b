from wagtail import hooks

from casestudies.importing import IMPORT_LOG_ACTION


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    actions.register_action(IMPORT_LOG_ACTION, "Import", "Imported from a case-study file")
