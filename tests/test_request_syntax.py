"""S3-style pages: request syntax blocks, Host servers, header tables and XML element tables.
A small page in, the OpenAPI fragment out; one test per wording found in the catalogue."""

from __future__ import annotations

from generator.pipeline import generate

from .test_link import spec_of


def s3_page(title: str, request: str, sections: str = "", response: str = "HTTP/1.1 status_code") -> str:
    """A page in the object-storage reference's layout."""
    request_block = "\n".join("   " + line if line else "" for line in request.strip("\n").splitlines())
    response_block = "\n".join("   " + line if line else "" for line in response.strip("\n").splitlines())
    return (f"{title}\n{'=' * len(title)}\n\nFunctions\n---------\n\nDoes it.\n\n"
            f"Request Syntax\n--------------\n\n.. code-block:: text\n\n{request_block}\n\n"
            f"Response Syntax\n---------------\n\n::\n\n{response_block}\n\n{sections}")


ACL_REQUEST = """
PUT /?acl HTTP/1.1
Host: bucketname.obs.region.example.com
Content-Type: application/xml

<AccessControlPolicy>
    <Owner>
        <ID>ID</ID>
    </Owner>
    <AccessControlList>
        <Grant>
            <Grantee>
               <ID>domainId</ID>
            </Grantee>
            <Permission>permission</Permission>
        </Grant>
    </AccessControlList>
</AccessControlPolicy>
"""

ACL_ELEMENTS = """
Request Elements
----------------

.. table:: **Table 2** Additional request elements

   ================= ======= ================== ==============================================
   Element           Type    Mandatory (Yes/No) Description
   ================= ======= ================== ==============================================
   Owner             XML     Yes                Owner information. Owner is a parent node of ID.
   ID                String  Yes                Account ID of the bucket owner.
   AccessControlList XML     Yes                Access control list, parent node of Grant.
   Grant             XML     No                 A grant.
   Grantee           XML     No                 The grantee.
   ID                String  Yes                Account ID of the authorized user.
   Canned            String  No                 Grants permissions to all users.
   Permission        String  Yes                Permission granted.
   ================= ======= ================== ==============================================

Sample Request
--------------

.. code-block:: text

   PUT /?acl HTTP/1.1
   Host: examplebucket.obs.region.example.com

   <AccessControlPolicy>
     <AccessControlList>
       <Grant><Grantee><ID>a</ID></Grantee><Permission>READ</Permission></Grant>
       <Grant><Grantee><ID>b</ID></Grantee><Permission>READ_ACP</Permission></Grant>
     </AccessControlList>
   </AccessControlPolicy>
"""


def test_a_bare_subresource_is_its_own_operation_keyed_by_a_fragment(make_docs):
    spec, _ = spec_of(make_docs({
        "create.rst": s3_page("Creating a Bucket", "PUT / HTTP/1.1\nHost: bucketname.obs.region.example.com"),
        "acl.rst": s3_page("Configuring a Bucket ACL", "PUT /?acl HTTP/1.1\nHost: bucketname.obs.region.example.com"),
    }))
    assert sorted(spec["paths"]) == ["/", "/#acl"]
    assert spec["paths"]["/#acl"]["put"]["parameters"] == [{
        "name": "acl", "in": "query", "required": True,
        "description": "Selects the `acl` operation of this path.",
        "schema": {"type": "string", "enum": [""]}}]
    assert "parameters" not in spec["paths"]["/"]["put"]


def test_a_path_segment_is_a_path_parameter_and_key_value_placeholders_are_query_parameters(make_docs):
    spec, _ = spec_of(make_docs({"parts.rst": s3_page(
        "Listing Uploaded Parts",
        "GET /ObjectName?uploadId=uploadid&max-parts=max HTTP/1.1\nHost: bucketname.obs.region.example.com")}))
    (path,) = spec["paths"]
    assert path == "/{ObjectName}#uploadId&max-parts"
    parameters = spec["paths"][path]["get"]["parameters"]
    assert [(p["name"], p["in"], p["required"]) for p in parameters] == [
        ("ObjectName", "path", True), ("max-parts", "query", False), ("uploadId", "query", False)]


def test_a_literal_query_value_is_part_of_the_key_and_a_required_constant(make_docs):
    spec, _ = spec_of(make_docs({"v2.rst": s3_page(
        "Listing Objects V2", "GET /?list-type=2 HTTP/1.1\nHost: bucketname.obs.region.example.com")}))
    assert spec["paths"]["/#list-type=2"]["get"]["parameters"][0]["schema"] == {"type": "string", "enum": ["2"]}


def test_the_object_key_takes_one_name_across_pages(make_docs):
    spec, diagnostics = spec_of(make_docs({
        "a.rst": s3_page("Getting an Object", "GET /ObjectName HTTP/1.1\nHost: bucketname.obs.region.example.com"),
        "b.rst": s3_page("Deleting an Object", "DELETE /ObjectName HTTP/1.1\nHost: bucketname.obs.region.example.com"),
        "c.rst": s3_page("Options of an Object", "OPTIONS /object HTTP/1.1\nHost: bucketname.obs.region.example.com"),
    }))
    assert list(spec["paths"]) == ["/{ObjectName}"]
    assert [d.code for d in diagnostics if d.code == "param-renamed"] == ["param-renamed"]


def test_the_bucket_in_the_host_is_a_server_variable(make_docs):
    spec, _ = spec_of(make_docs({
        "a.rst": s3_page("Deleting a Bucket", "DELETE / HTTP/1.1\nHost: bucketname.obs.region.example.com"),
        "b.rst": s3_page("Obtaining Bucket Metadata", "HEAD / HTTP/1.1\nHost: bucketname.obs.region.example.com"),
        "c.rst": s3_page("Listing Buckets", "GET / HTTP/1.1\nHost: obs.region.example.com"),
    }))
    assert spec["servers"] == [{
        "url": "https://{bucket}.obs.{region}.example.com",
        "description": "Endpoint named by the request syntax's Host header",
        "variables": {"bucket": {"default": "examplebucket", "description": "Name of the bucket the request addresses."},
                      "region": {"default": "region", "description": "Region of the endpoint."}}}]
    assert spec["paths"]["/"]["get"]["servers"][0]["url"] == "https://obs.{region}.example.com"
    assert "servers" not in spec["paths"]["/"]["delete"]


def test_a_code_block_outside_a_syntax_section_is_no_operation(make_docs):
    text = ("Authentication of Signature in a URL\n====================================\n\n"
            "A request with a presigned URL is formed as follows:\n\n.. code-block:: text\n\n"
            "   GET /ObjectKey?AccessKeyId=AccessKeyID HTTP/1.1\n   Host: bucketname.obs.region.example.com\n")
    spec, _ = spec_of(make_docs({"auth.rst": text}))
    assert spec["paths"] == {}


def test_request_and_response_header_tables_are_header_parameters_and_response_headers(make_docs):
    sections = """
Request Headers
---------------

.. table:: **Table 1** Optional header for specifying canned ACLs

   ========= ====== ================== =================
   Header    Type   Mandatory (Yes/No) Description
   ========= ====== ================== =================
   x-obs-acl String No                 The canned ACL.
   ========= ====== ================== =================

Response Headers
----------------

.. table:: **Table 2** Additional response headers

   ================ ====== =================
   Header           Type   Description
   ================ ====== =================
   x-obs-version-id String The version.
   ================ ====== =================
"""
    spec, _ = spec_of(make_docs({"put.rst": s3_page(
        "Uploading an Object", "PUT /ObjectName HTTP/1.1\nHost: bucketname.obs.region.example.com", sections)}))
    operation = spec["paths"]["/{ObjectName}"]["put"]
    assert ("x-obs-acl", "header") in [(p["name"], p["in"]) for p in operation["parameters"]]
    assert list(operation["responses"]["200"]["headers"]) == ["x-obs-version-id"]


def test_two_pages_of_one_operation_keep_the_response_headers_of_both(make_docs):
    def headers(*names: str) -> str:
        rows = "\n".join(f"   {n:<28} String The header." for n in names)
        rule = "   ============================ ====== ==========="
        return (f"\nResponse Headers\n----------------\n\n.. table:: **Table 1** Additional response headers\n\n"
                f"{rule}\n   {'Header':<28} Type   Description\n{rule}\n{rows}\n{rule}\n")
    request = "PUT /ObjectName?partNumber=partNum&uploadId=uploadID HTTP/1.1\nHost: bucketname.obs.region.example.com"
    spec, _ = spec_of(make_docs({
        "copying_parts.rst": s3_page("Copying Parts", request, headers("x-obs-server-side-encryption")),
        "uploading_parts.rst": s3_page("Uploading Parts", request,
                                       headers("x-obs-server-side-encryption", "x-obs-sse-kms-key-project-id")),
    }))
    (operation,) = spec["paths"].values()
    assert list(operation["put"]["responses"]["200"]["headers"]) == [
        "x-obs-server-side-encryption", "x-obs-sse-kms-key-project-id"]


def test_flat_element_tables_are_nested_by_the_xml_skeleton(make_docs):
    spec, diagnostics = spec_of(make_docs({"acl.rst": s3_page("Configuring a Bucket ACL", ACL_REQUEST, ACL_ELEMENTS)}))
    body = spec["paths"]["/#acl"]["put"]["requestBody"]["content"]["application/xml"]["schema"]
    assert body["xml"] == {"name": "AccessControlPolicy"}
    assert body["required"] == ["Owner", "AccessControlList"]
    owner = body["properties"]["Owner"]
    assert owner["properties"]["ID"]["description"] == "Account ID of the bucket owner."
    grants = body["properties"]["AccessControlList"]
    assert grants["type"] == "array" and grants["xml"] == {"wrapped": True}
    grant = grants["items"]
    assert grant["xml"] == {"name": "Grant"}
    assert grant["properties"]["Grantee"]["properties"]["ID"]["description"] == "Account ID of the authorized user."
    assert not [d for d in diagnostics if d.code == "xml-element-unplaced"]


def test_a_row_the_skeleton_never_shows_goes_beside_the_row_before_it(make_docs):
    spec, diagnostics = spec_of(make_docs({"acl.rst": s3_page("Configuring a Bucket ACL", ACL_REQUEST, ACL_ELEMENTS)}))
    body = spec["paths"]["/#acl"]["put"]["requestBody"]["content"]["application/xml"]["schema"]
    grantee = body["properties"]["AccessControlList"]["items"]["properties"]["Grantee"]
    assert list(grantee["properties"]) == ["ID", "Canned"]
    assert grantee["properties"]["Canned"]["description"] == "Grants permissions to all users."
    [placed] = [d for d in diagnostics if d.code == "xml-element-placed-by-order"]
    assert placed.line == next(n for n, line in enumerate(_page_lines(ACL_REQUEST, ACL_ELEMENTS), 1) if "Canned" in line)
    assert "placed under <Grantee> beside the row before it" in placed.message


def test_a_parent_note_places_an_element_the_skeleton_elides(make_docs):
    request = ("PUT /?cors HTTP/1.1\nHost: bucketname.obs.region.example.com\n\n"
               "<CORSConfiguration>\n    <CORSRule>\n        ...\n    </CORSRule>\n</CORSConfiguration>")
    sections = """
Request Elements
----------------

.. table:: **Table 1** CORS configuration elements

   ============= ==========================================
   Element       Description
   ============= ==========================================
   CORSRule      A rule. Parent: CORSConfiguration
   AllowedMethod A method. Parent: CORSRule
   ============= ==========================================
"""
    spec, _ = spec_of(make_docs({"cors.rst": s3_page("Configuring Bucket CORS", request, sections)}))
    body = spec["paths"]["/#cors"]["put"]["requestBody"]["content"]["application/xml"]["schema"]
    assert list(body["properties"]["CORSRule"]["properties"]) == ["AllowedMethod"]


def test_a_dotted_row_name_names_the_element_under_its_parent(make_docs):
    request = "GET /?uploads HTTP/1.1\nHost: bucketname.obs.region.example.com"
    response = ("HTTP/1.1 status_code\n\n<ListMultipartUploadsResult>\n    <Prefix>p</Prefix>\n"
                "    <CommonPrefixes>\n        <Prefix>p</Prefix>\n    </CommonPrefixes>\n</ListMultipartUploadsResult>")
    sections = """
Response Elements
-----------------

.. table:: **Table 1** Response elements

   ================================= ===================
   Element                           Description
   ================================= ===================
   CommonPrefixes. Prefix            The common prefix.
   ListMultipartUploadsResult.Prefix The listing prefix.
   ================================= ===================
"""
    spec, _ = spec_of(make_docs({"up.rst": s3_page("Listing Uploads", request, sections, response)}))
    body = spec["paths"]["/#uploads"]["get"]["responses"]["200"]["content"]["application/xml"]["schema"]
    assert body["properties"]["Prefix"]["description"] == "The listing prefix."
    assert body["properties"]["CommonPrefixes"]["properties"]["Prefix"]["description"] == "The common prefix."


def _page_lines(request: str, sections: str) -> list[str]:
    return s3_page("Configuring a Bucket ACL", request, sections).splitlines()


def test_a_request_line_on_a_host_without_a_bucket_keeps_its_path(make_docs):
    text = ("Starting a Service\n==================\n\nRequest Syntax\n--------------\n\n.. code-block:: text\n\n"
            "   POST /web/v1/cluster/{cluster_id}/start HTTP/1.1\n   Host: example.com\n")
    spec, _ = spec_of(make_docs({"start.rst": text}))
    assert list(spec["paths"]) == ["/web/v1/cluster/{cluster_id}/start"]


def test_the_client_calls_the_url_and_sends_the_subresource_itself(make_docs):
    (result,) = generate(make_docs({"acl.rst": s3_page(
        "Configuring a Bucket ACL", "PUT /?acl HTTP/1.1\nHost: bucketname.obs.region.example.com")}))
    client = result.files["python/svc/svc_client/client.py"]
    assert 'expand_path("/", {}),\n            query=query_pairs({"acl": ""}),' in client
    assert "acl:" not in client.split("def configure_bucket_acl", 1)[1].split(")", 1)[0]


def test_a_blank_line_between_request_line_and_host_is_skipped(make_docs):
    spec, _ = spec_of(make_docs({"list.rst": s3_page(
        "Listing Objects", "GET /?versions HTTP/1.1\n\nHost: bucketname.obs.region.example.com")}))
    assert list(spec["paths"]) == ["/#versions"]


def test_a_placeholder_header_in_angle_brackets_is_no_xml_body(make_docs):
    spec, _ = spec_of(make_docs({"get.rst": s3_page(
        "Downloading an Object",
        "GET /ObjectName HTTP/1.1\nHost: bucketname.obs.region.example.com\n<Optional Additional Header>")}))
    assert "requestBody" not in spec["paths"]["/{ObjectName}"]["get"]


def test_a_status_line_written_after_a_method_still_opens_the_response_syntax(make_docs):
    response = "GET HTTP/1.1 status_code\nContent-Type: type\n\n<ListAllMyBucketsResult>\n    <Owner>o</Owner>\n</ListAllMyBucketsResult>"
    spec, _ = spec_of(make_docs({"list.rst": s3_page(
        "Listing Buckets", "GET / HTTP/1.1\nHost: obs.region.example.com", response=response)}))
    content = spec["paths"]["/"]["get"]["responses"]["200"]["content"]
    assert content["application/xml"]["schema"]["xml"] == {"name": "ListAllMyBucketsResult"}


def test_an_element_wrapping_a_repeated_element_is_one_element_of_its_parent(make_docs):
    request = ("PUT /?notification HTTP/1.1\nHost: bucketname.obs.region.example.com\n\n"
               "<NotificationConfiguration>\n  <Filter>\n    <Object>\n"
               "      <FilterRule><Name>prefix</Name></FilterRule>\n"
               "      <FilterRule><Name>suffix</Name></FilterRule>\n"
               "    </Object>\n  </Filter>\n</NotificationConfiguration>")
    sections = """
Request Elements
----------------

.. table:: **Table 1** Request elements

   ========== =======================
   Element    Description
   ========== =======================
   Filter     Filtering rules.
   Object     Rules on object names.
   FilterRule A rule.
   Name       Prefix or suffix.
   ========== =======================
"""
    spec, _ = spec_of(make_docs({"n.rst": s3_page("Configuring Notification", request, sections)}))
    body = spec["paths"]["/#notification"]["put"]["requestBody"]["content"]["application/xml"]["schema"]
    rules = body["properties"]["Filter"]["properties"]["Object"]
    assert rules["type"] == "array" and rules["xml"] == {"wrapped": True}
    assert rules["items"]["xml"] == {"name": "FilterRule"}
    assert list(rules["items"]["properties"]) == ["Name"]
