"""System status, outages and notes: public, so no key is needed (``SFAPI_KEY`` may be
unset; the URLs come from ``SFAPI_BASE_URL`` and ``SFAPI_TOKEN_URL`` when set)."""

from sfapi_client import Client, Resource

with Client() as client:
    # Every system at once, as a dict by name.
    for name, status in sorted(client.resources.status().items()):
        print(f"{name:20} {status.status.value}")

    # One system, current and planned outages, and the notes staff wrote.
    print(client.resources.status(Resource.perlmutter).description)
    for outage in client.resources.planned_outages(Resource.perlmutter):
        print("planned:", outage.start_at, outage.end_at, outage.description)
    for note in client.resources.notes(Resource.perlmutter):
        print("note:", note.notes)

    # A machine's status also comes with the machine itself.
    perlmutter = client.compute("perlmutter")
    print(perlmutter.name, perlmutter.status.value, perlmutter.updated_at)

    # What changed in the API, newest first.
    for change in client.api.changelog()[:3]:
        print(change.date, change.change)
