"""The generated modelarts client against a loopback test server: what goes on the wire,
AK/SK signing (checked by huaweicloudsdkcore's signer), retries, Retry-After, errors,
pagination, timeouts, and no secrets in reprs or logs."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer

from .client_support import LoopbackServer, Received, Reply, free_port

import modelarts_client  # noqa: E402  (on sys.path through client_support)
from modelarts_client import (  # noqa: E402
    AkSkAuth,
    ApiError,
    AsyncClient,
    BadRequestError,
    Client,
    ClientError,
    NotFoundError,
    RateLimitError,
    Retry,
    ServerError,
    TokenAuth,
    models,
)

AK, SK, TOKEN = "AKTESTEXAMPLE0001", "sk-secret-never-logged-42", "token-secret-never-logged-43"
NO_WAIT = Retry(backoff=0.0)


@pytest.fixture
def server():
    with LoopbackServer().running() as s:
        yield s


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """The waits between retries, recorded instead of slept."""
    waits: list[float] = []
    monkeypatch.setattr(modelarts_client._transport.time, "sleep", waits.append)

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(modelarts_client._transport.asyncio, "sleep", no_sleep)
    return waits


def client(server: LoopbackServer, **options) -> Client:
    options.setdefault("auth", TokenAuth(TOKEN))
    options.setdefault("retry", NO_WAIT)
    return Client(endpoint=server.url, project_id="proj-1", **options)


# --- what goes on the wire ---------------------------------------------------------------

def test_path_parameters_and_project_id_fill_the_path_percent_encoded(server):
    client(server).desc_workforce_task("ds 1/ü", "wt-1")
    assert server.requests[0].raw_path == "/v2/proj-1/datasets/ds%201%2F%C3%BC/workforce-tasks/wt-1"


def test_query_parameters_are_sent_by_wire_name_and_none_is_left_out(server):
    client(server).list_tasks("ds", limit=5, type="auto-label")
    assert server.requests[0].query == [("limit", "5"), ("type", "auto-label")]


def test_booleans_go_on_the_wire_as_true_and_false(server):
    client(server).desc_workforce_task("ds", "wt", label_stats=True, sample_stats=False)
    assert server.requests[0].query == [("label_stats", "true"), ("sample_stats", "false")]


def test_token_auth_sends_x_auth_token_and_the_project_header(server):
    client(server).list_tasks("ds")
    headers = server.requests[0].headers
    assert headers["x-auth-token"] == TOKEN
    assert headers["x-project-id"] == "proj-1"
    assert headers["user-agent"].startswith("docbind-modelarts-client/")


def test_a_body_model_is_sent_by_wire_names_with_only_the_fields_set(server):
    body = models.UpdateWorkforceSamplingTaskRequest(action=0, overwrite_last_result=True)
    client(server).update_workforce_sampling_task("ds", "wt", body=body, locale="en-us")
    sent = server.requests[0]
    assert (sent.method, sent.json()) == ("PUT", {"action": 0, "overwrite_last_result": True})
    assert sent.headers["content-type"] == "application/json"


def test_a_body_dict_is_sent_as_it_is(server):
    client(server).update_workforce_sampling_task("ds", "wt", body={"action": 1, "x": "é"}, locale="en")
    assert server.requests[0].json() == {"action": 1, "x": "é"}


def test_the_response_is_parsed_into_its_model_with_wire_names_as_aliases(server):
    server.reply(Reply(body={"total_count": 1, "tasks": [{
        "task_id": "t1", "config": {"samples": [{"metadata": {"@modelarts:hard": 1}}]}}]}))
    page = client(server).list_tasks("ds")
    assert isinstance(page, models.ListTasksResponse)
    assert page.total_count == 1 and page.tasks and page.tasks[0].task_id == "t1"
    metadata = page.tasks[0].config.samples[0].metadata
    assert metadata.field_modelarts_hard == 1


def test_a_response_value_the_docs_do_not_list_is_still_read(server):
    server.reply(Reply(body={"tasks": [{"config": {"algorithm_type": "supervisory"}}]}))
    page = client(server).list_tasks("ds")
    assert page.tasks and page.tasks[0].config and page.tasks[0].config.algorithm_type == "supervisory"


def test_the_endpoint_defaults_to_https():
    assert Client(endpoint="modelarts.example.com").endpoint == "https://modelarts.example.com"


def test_an_operation_that_needs_a_project_without_one_says_so(server):
    with pytest.raises(ValueError, match="project_id"):
        Client(endpoint=server.url).list_tasks("ds")
    assert server.requests == []


# --- AK/SK signing -------------------------------------------------------------------------

def sdk_authorization(request: Received, host: str) -> str:
    """The Authorization that huaweicloudsdkcore's signer computes for the request as received,
    signing Host, Content-Type and the X- headers, with the request's own X-Sdk-Date."""
    signed = {name: value for name, value in request.headers.items()
              if name in ("host", "content-type") or name.startswith("x-")}
    sdk_request = SdkRequest(
        method=request.method, schema="http", host=host, resource_path=request.path,
        query_params=request.query, header_params=signed, body=request.body or "")
    return Signer(BasicCredentials(AK, SK)).sign(sdk_request).header_params["Authorization"]


@pytest.mark.parametrize("call", [
    lambda c: c.list_tasks("ds-1", limit=10, offset=0, task_name="a b+c/d~e ü&f=g"),
    lambda c: c.desc_workforce_task("data set/ü", "wt", label_stats=True, workforce_stats=False),
    lambda c: c.update_workforce_sampling_task(
        "ds", "wt", body={"action": 1, "sample_ids": ["ä", "b"]}, locale="zh-cn"),
], ids=["query-with-reserved-characters", "encoded-path-segments", "put-with-json-body"])
def test_aksk_signature_matches_huaweicloudsdkcore(server, call):
    call(client(server, auth=AkSkAuth(AK, SK)))
    request = server.requests[0]
    assert request.headers["authorization"].startswith(
        f"SDK-HMAC-SHA256 Access={AK}, SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
        if request.body else
        f"SDK-HMAC-SHA256 Access={AK}, SignedHeaders=host;x-project-id;x-sdk-date, ")
    assert request.headers["authorization"] == sdk_authorization(request, server.url.split("//")[1])


def test_x_sdk_date_is_utc_in_the_basic_format(server):
    client(server, auth=AkSkAuth(AK, SK)).list_tasks("ds")
    date = server.requests[0].headers["x-sdk-date"]
    assert len(date) == 16 and date[8] == "T" and date.endswith("Z") and date[:8].isdigit()


def test_every_retry_is_signed_afresh(server, sleeps):
    server.reply(Reply(503), Reply(200))
    client(server, auth=AkSkAuth(AK, SK)).list_tasks("ds")
    for request in server.requests:
        assert request.headers["authorization"] == sdk_authorization(request, server.url.split("//")[1])


# --- retries -------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_idempotent_requests_are_retried_on_busy_statuses(server, sleeps, status):
    server.reply(Reply(status), Reply(status))
    assert client(server).list_tasks("ds") == models.ListTasksResponse()
    assert len(server.requests) == 3 and len(sleeps) == 2


def test_retry_after_sets_the_wait(server, sleeps):
    server.reply(Reply(429, headers={"Retry-After": "7"}), Reply(503, headers={"Retry-After": "0"}))
    client(server).list_tasks("ds")
    assert sleeps == [7.0, 0.0]


def test_retry_after_as_an_http_date_in_the_past_waits_nothing(server, sleeps):
    server.reply(Reply(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}))
    client(server).list_tasks("ds")
    assert sleeps == [0.0]


def test_backoff_grows_exponentially_with_jitter_and_is_capped():
    retry = Retry(backoff=1.0, max_backoff=5.0)
    for attempt, ceiling in enumerate([1, 2, 4, 5, 5]):
        waits = [retry.delay(attempt) for _ in range(50)]
        assert all(0 <= w <= ceiling for w in waits) and len(set(waits)) > 1


def test_the_number_of_retries_is_configurable_and_the_last_error_raises(server, sleeps):
    server.respond = lambda request: Reply(503, {"error_code": "ModelArts.0001", "error_msg": "busy"})
    with pytest.raises(ServerError) as caught:
        client(server, retry=Retry(max_retries=1, backoff=0.0)).list_tasks("ds")
    assert len(server.requests) == 2 and caught.value.error_code == "ModelArts.0001"


def test_methods_outside_the_retry_methods_are_not_retried(server, sleeps):
    server.reply(Reply(503))
    with pytest.raises(ServerError):
        client(server, retry=Retry(methods=frozenset({"GET"}))).update_workforce_sampling_task(
            "ds", "wt", body={"action": 0}, locale="en")
    assert len(server.requests) == 1 and sleeps == []


def test_other_errors_are_not_retried(server, sleeps):
    server.reply(Reply(500))
    with pytest.raises(ServerError):
        client(server).list_tasks("ds")
    assert len(server.requests) == 1


def test_connection_errors_are_retried_then_raised(sleeps):
    closed = Client(endpoint=f"http://127.0.0.1:{free_port()}", project_id="p", retry=Retry(max_retries=2))
    with pytest.raises(httpx.ConnectError):
        closed.list_tasks("ds")
    assert len(sleeps) == 2


# --- errors --------------------------------------------------------------------------------

def test_a_404_raises_not_found_with_code_message_and_request_id(server):
    server.reply(Reply(404, {"error_code": "ModelArts.4352", "error_msg": "Dataset not found."},
                       headers={"X-Request-Id": "req-42"}))
    with pytest.raises(NotFoundError) as caught:
        client(server).list_tasks("ds")
    error = caught.value
    assert isinstance(error, ClientError) and isinstance(error, ApiError)
    assert (error.status, error.error_code, error.error_msg, error.request_id) == (
        404, "ModelArts.4352", "Dataset not found.", "req-42")
    assert str(error) == ("GET /v2/proj-1/datasets/ds/tasks: HTTP 404 ModelArts.4352: "
                          "Dataset not found. (request id req-42)")


@pytest.mark.parametrize("status, body, kind, code, message", [
    (400, {"error": {"code": "APIGW.0101", "message": "bad"}}, BadRequestError, "APIGW.0101", "bad"),
    (418, {"code": 7, "message": "teapot"}, ClientError, "7", "teapot"),
    (500, b"<html>oops</html>", ServerError, None, None),
    (429, {}, RateLimitError, None, None),
])
def test_error_classes_follow_the_status_and_the_body_is_read_where_it_can_be(
        server, status, body, kind, code, message):
    server.respond = lambda request: Reply(status, body)
    with pytest.raises(kind) as caught:
        client(server, retry=Retry(max_retries=0)).list_tasks("ds")
    assert (caught.value.status, caught.value.error_code, caught.value.error_msg) == (status, code, message)


# --- pagination ----------------------------------------------------------------------------

def paged_tasks(total: int):
    """A list_tasks server whose ``offset`` counts pages, as the docs say."""

    def respond(request: Received) -> Reply:
        query = dict(request.query)
        limit, page = int(query["limit"]), int(query.get("offset", 0))
        ids = [f"t{i}" for i in range(page * limit, min(total, (page + 1) * limit))]
        return Reply(body={"total_count": total, "tasks": [{"task_id": i} for i in ids]})

    return respond


def test_iter_yields_the_items_of_every_page(server):
    server.respond = paged_tasks(5)
    tasks = list(client(server).iter_list_tasks("ds", limit=2, type="auto-label"))
    assert [t.task_id for t in tasks] == ["t0", "t1", "t2", "t3", "t4"]
    assert [dict(r.query)["offset"] for r in server.requests] == ["0", "1", "2"]
    assert all(dict(r.query)["type"] == "auto-label" for r in server.requests)


def test_iter_uses_the_documented_page_size_and_stops_at_an_empty_page(server):
    server.respond = paged_tasks(20)
    assert len(list(client(server).iter_list_tasks("ds"))) == 20
    assert [dict(r.query)["limit"] for r in server.requests] == ["10", "10", "10"]


def test_iter_fetches_pages_only_as_the_iteration_reaches_them(server):
    server.respond = paged_tasks(100)
    first = next(client(server).iter_list_tasks("ds", limit=3, offset=4))
    assert first.task_id == "t12" and len(server.requests) == 1


def test_iter_stops_when_the_server_repeats_a_page(server):
    server.respond = lambda request: Reply(body={"tasks": [{"task_id": "same"}] * 10})
    assert len(list(client(server).iter_list_tasks("ds"))) == 10
    assert len(server.requests) == 2


# --- timeouts ------------------------------------------------------------------------------

def test_a_call_timeout_overrides_the_client_timeout(server):
    server.reply(Reply(delay=1.0))
    with pytest.raises(httpx.ReadTimeout):
        client(server, timeout=30.0, retry=Retry(max_retries=0)).list_tasks("ds", timeout=0.2)


def test_the_client_timeout_applies_to_every_call(server):
    server.reply(Reply(delay=1.0))
    with pytest.raises(httpx.ReadTimeout):
        client(server, timeout=0.2, retry=Retry(max_retries=0)).list_tasks("ds")


# --- secrets -------------------------------------------------------------------------------

def test_reprs_show_no_secrets(server):
    shown = " ".join(repr(x) for x in (client(server), TokenAuth(TOKEN), AkSkAuth(AK, SK)))
    assert TOKEN not in shown and SK not in shown and AK not in shown
    assert "proj-1" in repr(client(server))


def test_logs_show_no_secrets(server, sleeps, caplog):
    server.reply(Reply(503), Reply(404, {"error_msg": "gone"}))
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(NotFoundError) as caught:
            client(server, auth=AkSkAuth(AK, SK)).list_tasks("ds")
        client(server).list_tasks("ds")
    logged = caplog.text + str(caught.value) + repr(caught.value)
    assert "retry 1" in caplog.text
    assert SK not in logged and TOKEN not in logged and "Signature=" not in logged


# --- the async client ----------------------------------------------------------------------

def test_the_async_client_calls_retries_and_paginates(server, sleeps):
    server.reply(Reply(503, headers={"Retry-After": "3"}))
    server.respond = paged_tasks(3)

    async def run():
        async with AsyncClient(endpoint=server.url, project_id="proj-1",
                               auth=AkSkAuth(AK, SK), retry=NO_WAIT) as c:
            first = await c.list_tasks("ds", limit=2)
            every = [t.task_id async for t in c.iter_list_tasks("ds", limit=2)]
        return first, every

    first, every = asyncio.run(run())
    assert [t.task_id for t in first.tasks] == ["t0", "t1"] and every == ["t0", "t1", "t2"]
    assert sleeps == [3.0]
    request = server.requests[-1]
    assert request.headers["authorization"] == sdk_authorization(request, server.url.split("//")[1])


def test_the_async_client_raises_api_errors(server):
    server.reply(Reply(404, {"error_code": "X.1"}))

    async def run():
        async with AsyncClient(endpoint=server.url, project_id="p", retry=NO_WAIT) as c:
            await c.auto_annotation_progress("ds", "task")

    with pytest.raises(NotFoundError, match="X.1"):
        asyncio.run(run())
