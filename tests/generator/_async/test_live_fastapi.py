"""A FastAPI service the generator meets only in the test (``live_api.py``): its own
OpenAPI 3.1 document, a minimal configuration, and every operation called over HTTP."""

from __future__ import annotations

import io
from types import ModuleType


async def test_every_operation_of_a_live_fastapi_service(
    live_api: tuple[ModuleType, str],
) -> None:
    package, origin = live_api
    models = package.models
    async with package.AsyncApiClient(origin) as client:
        part = await client.widgets.create_widget_widgets_post(
            body=models.NewWidget(code="ABC-1", colour=models.Colour.red)
        )
        assert isinstance(part, models.WidgetOutput) and part.count == 1
        whole = await client.widgets.create_widget_widgets_post(
            body=models.NewWidget(code="ABC-2", parts=[models.WidgetInput(**part.model_dump())])
        )
        assert whole.parts and whole.parts[0].code == "ABC-1"
        assert (await client.widgets.read_widget_widgets_widget_id_get(whole.id)).id == whole.id
        listed = await client.widgets.list_widgets_widgets_get(
            colour=models.Colour.red, x_tenant="acme", session="s-1"
        )
        # The service lives for the session: the twin of this test adds widgets too.
        assert part.id in {w.id for w in listed}
        assert {w.colour for w in listed} == {models.Colour.red}
        uploaded = await client.files.upload_files_post(
            file=("notes.bin", io.BytesIO(b"\x00\x01\x02")), label="three bytes"
        )
        assert (uploaded.name, uploaded.size, uploaded.label) == ("notes.bin", 3, "three bytes")
        many = await client.files.upload_many_files_many_post(
            files=[("a.txt", b"alpha"), ("b.bin", io.BytesIO(b"\x00" * 1024))]
        )
        assert [(u.name, u.size, u.label) for u in many] == [
            ("a.txt", 5, "files"),
            ("b.bin", 1024, "files"),
        ]
        both = await client.files.upload_many_files_many_post(
            files=[("c.txt", b"c")], extras=[("d.txt", b"dd"), ("e.txt", b"eee")]
        )
        assert [(u.name, u.size, u.label) for u in both] == [
            ("c.txt", 1, "files"),
            ("d.txt", 2, "extras"),
            ("e.txt", 3, "extras"),
        ]
        assert await client.echo.echo_text_echo_text_post(body="shout") == "SHOUT"
        assert await client.echo.echo_bytes_echo_bytes_put(body=b"\x01\x02\x03") == b"\x03\x02\x01"
        echoed = await client.echo.echo_vendor_echo_vendor_post(body=whole)
        assert echoed["code"] == "ABC-2"
