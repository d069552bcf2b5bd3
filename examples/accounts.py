"""Your account: who the key belongs to, its groups, projects and roles."""

from connection import options

from sfapi_client import Client

with Client(**options()) as client:
    user = client.user()  # the owner of the key; client.user("name") for another
    print("user", user.name, "uid", user.uid)

    for group in user.groups():
        print("group", group.name, "gid", group.gid, [m.name for m in group.members])

    for project in client.projects():
        print("project", project.name, project.description)

    for role in user.roles():
        print("role", role.repo_name, role.description)
