"""The servers of a document: the service's regional endpoint, or the host its S3-style
request syntax names (``{bucket}.obs.{region}.example.com``, with its variables); an
operation on another host (``obs.{region}.example.com`` for listing buckets) carries its own."""

from __future__ import annotations

import re
from collections import Counter

from ..model.api import Operation, Service

_VARIABLES = {
    "bucket": {"default": "examplebucket", "description": "Name of the bucket the request addresses."},
    "region": {"default": "region", "description": "Region of the endpoint."},
}


def service_servers(service: Service) -> list[dict]:
    """The document's ``servers`` where the pages name a host: the host most operations
    name; none where the document keeps its regional ``{endpoint}``."""
    hosts = Counter(op.host for op in service.operations if op.host)
    if not hosts:
        return []
    host = min(hosts, key=lambda h: (-hosts[h], h))
    return [server(host)]


def operation_servers(op: Operation, service: Service) -> list[dict] | None:
    """An operation's own ``servers`` where its host is not the document's."""
    if op.host is None or server(op.host) in service_servers(service):
        return None
    return [server(op.host)]


def server(host: str) -> dict:
    """A server object for a host with ``{variable}`` labels."""
    names = re.findall(r"\{(\w+)\}", host)
    variables = {n: _VARIABLES.get(n, {"default": n, "description": f"The {n} label of the host."}) for n in names}
    return {"url": f"https://{host}", "description": "Endpoint named by the request syntax's Host header",
            **({"variables": variables} if variables else {})}
