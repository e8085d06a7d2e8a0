"""System checks of the portal's storage (registered in PortalConfig.ready).

`manage.py check` reports a missing, unreadable or unwritable storage
directory as an error (almaty_portal.E001); with `--database default` it also
checks that the newest file of each file field is on disk (W002): after a
restore without the file directories, every download would be a 404.
"""

from django.core.checks import Error, Tags, Warning, register  # noqa: A004

from .health import storage_directory_problems, stored_file_problems


@register(Tags.files)
def check_storage_directories(app_configs, **kwargs):
    return [
        Error(
            f"Storage {problem.storage}: {problem.detail} is {problem.problem}.",
            hint="Create the directory (or mount its volume) and give it to the user that "
                 "runs the portal; after a restore, restore the files too (manage.py restore).",
            id="almaty_portal.E001",
        )
        for problem in storage_directory_problems()
    ]


@register(Tags.database)
def check_stored_files(app_configs, databases=None, **kwargs):
    if not databases or storage_directory_problems():
        return []
    return [
        Warning(
            f"Storage {problem.storage}: the {problem.detail} is not on disk.",
            hint="The database refers to files that are not there: were the file "
                 "directories restored with the database? (manage.py restore)",
            id="almaty_portal.W002",
        )
        for problem in stored_file_problems()
    ]
