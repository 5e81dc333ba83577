"""Value facts: one test per wording found in the corpus and catalogue pages."""

from __future__ import annotations

import textwrap

import pytest
from docutils.core import publish_doctree

from generator.link.values import typed_facts
from generator.model.api import Shape
from generator.parse.facts import case_values, extract_facts, optional_cases, required_always, required_cases
from generator.parse.page import parse_page
from generator.parse.text import block_markdown


def facts(rst: str):
    cell = publish_doctree(rst, settings_overrides={"report_level": 5})
    return extract_facts(cell, block_markdown(cell))


@pytest.mark.parametrize("text, enum", [
    ("The value can be:\n\n- **a**: first\n- **b**: second\n", ("a", "b")),
    ("The options are as follows:\n\n- a\n- b (default value)\n", ("a", "b")),
    ("The value can be:\n\n**a**: first\n\n**b**: second (default value)\n", ("a", "b")),
    ("Storage type. Currently, SATA, SAS and SSD are supported.\n\n- SAS: High I/O\n- SSD: Ultra-high I/O\n",
     ("SAS", "SSD")),
    ("Storage type. Currently, SATA, SAS and SSD are supported. You are advised to use the multi-disk "
     "parameters.\n\n- SAS: High I/O\n- SSD: Ultra-high I/O\n", ("SAS", "SSD")),
    ("Attachment type.\n\n- **vpc**: VPC attachment\n", ("vpc",)),
    ("Storage type. Only **obs** and **evs** are supported.", ("obs", "evs")),
    ("Only **Docker** is supported.", ("Docker",)),
    ("The value can be 1, 2, 4, 8, 16, or 28.", ("1", "2", "4", "8", "16", "28")),
    ("The value can be **volumes**, **snapshots**, or **backups**.", ("volumes", "snapshots", "backups")),
    ("Status. Value options: **pending**, **available**, and **failed**", ("pending", "available", "failed")),
    ("Protection type, which can be **backup** or **replication**", ("backup", "replication")),
    ("ECS status.\n\nValue range:\n\n**ACTIVE**, **BUILD**, **ERROR**\n\nFor details, see the statuses.",
     ("ACTIVE", "BUILD", "ERROR")),
    ("Object type, which can be **server**, **disk**, or **turbo**", ("server", "disk", "turbo")),
    ("Protection type, which is **backup**", ("backup",)),
    ("**Definition**\n\nRedistribution mode.\n\n**Range**\n\n**offline**\n\n**online**\n\n**Default Value**\n\n"
     "**offline**\n", ("offline", "online")),
    ("Database version. The value can be **5.0, 4.4, 4.2 or 4.0**.", ("5.0", "4.4", "4.2", "4.0")),
    ("The value can be an attribute of the image: **name**, **status**, or **created_at**.",
     ("name", "status", "created_at")),
    ("Its value can be **desc** (default) or **asc**.", ("desc", "asc")),
    ("Available values include:\n\n- Linux\n- Windows\n", ("Linux", "Windows")),
    ("Type:\n\n- **a**: first\n- **b**: This type of attachments is not supported.\n", ("a",)),
    ("Sort key. The value can be:\n\n- **name**: name\n- **size**: unavailable value now\n", ("name",)),
    ("Data format. Options:\n\n- **Default**: default format\n- **CarbonData**: CarbonData\n", ("Default", "CarbonData")),
    ("Format of a dataset version. Options:\n\n- **Default**\n- **CSV**\n", ("Default", "CSV")),
    ("Whether to clear hard example attributes. Options:\n\n- **true**: cleared\n- **false**: kept\n", ("true", "false")),
    ("Status. The options are as follows:\n\n- 0: initialized - **1**: running\n\n- 2: completed\n",
     ("0", "1", "2")),
    ("Target type. Its value can only be **volume**.\n\n- **volume**: the volume type.\n"
     "- **local**: the local file, which has not been supported.\n", ("volume",)),
    ("**Definition**\n\nECS status.\n\n**Range**\n\n**ACTIVE**, **BUILD**, **ERROR**", ("ACTIVE", "BUILD", "ERROR")),
    ("**Definition**\n\nOS bit.\n\n**Range**\n\n32 or 64", ("32", "64")),
    ("**Definition**\n\nScheduling mode.\n\n**Range**\n\n**false**: non-scheduling mode; **true**: scheduling mode.",
     ("false", "true")),
    ("Protocol. The value can be **HTTP**, **HTTPS**, or **${protocol}**.", ("HTTP", "HTTPS", "${protocol}")),
    ("Key. The options are:\n\n- **flavor_type**: flavor type, which can be **CPU** or **GPU**.\n"
     "- **device_distributed_mode**: whether to support multi-card training.\n", ("flavor_type", "device_distributed_mode")),
    ("**Definition**\n\nRule action.\n\n**Range**\n\n- allow: traffic allowed.\n- deny: traffic denied.\n",
     ("allow", "deny")),
])
def test_value_lists(text, enum):
    assert facts(text).enum == enum


@pytest.mark.parametrize("text, enum, default", [
    ("Delimiter. Options:\n\n- **Comma (,)**: default value\n- **Semicolon (;)**\n- **Vertical bar (|)**\n"
     "- **Newline (\\\\n)**\n", (",", ";", "|", "\n"), ","),
    ("Relationship between the rules. The value can be:\n\n- **AND (default value)**\n- **OR**\n", ("AND", "OR"), "AND"),
])
def test_option_labels_write_their_value(text, enum, default):
    found = facts(text)
    assert (found.enum, found.default) == (enum, default)


@pytest.mark.parametrize("text, enum", [
    ("Alarm policy type. This parameter is left blank by default. The value can be: **auto**", ("auto", "")),
    ("Sort order. The value can be **asc** or **desc**. This parameter can be left blank.", ("asc", "desc", "")),
])
def test_a_value_list_that_may_be_left_blank_takes_the_empty_string(text, enum):
    assert facts(text).enum == enum
    assert typed_facts(facts(text), Shape("string")).enum == enum


def test_bullets_and_paragraphs_read_the_same():
    bullets = facts("The options are as follows:\n\n- a\n- b (default value)\n")
    paragraphs = facts("The value can be:\n\n**a**: first\n\n**b**: meaning (default value)\n")
    assert (bullets.enum, bullets.default) == (paragraphs.enum, paragraphs.default) == (("a", "b"), "b")


@pytest.mark.parametrize("text", [
    "Only **cycle** is available for OBS transfer tasks.",
    "The value can be -1 or 1-99999.",
    "Only **domainId** is supported, which indicates the whitelisted IDs.",
    "- Minimum: 1\n- Maximum: 64\n",
    "Protection type, which is backup",
    "State. Options:\n\n- **on**: running\n- off\n",
    "Backup time window.\n\nExample value:\n\n- 08:15-09:15\n- 23:00-00:00\n",
    "The value must be in the format of **vX.Y**, for example, **v1.30**.\n\n- **X**: major version\n- **Y**: minor\n",
    "The format is as follows:\n\n- **X**: major version\n- **Y**: minor version\n",
    "Time window. Currently, 08 and 23 are used.\n\n- 08:15-09:15\n- 23:00-00:00\n",
    "The value can be **null**. The value can contain a maximum of 255 bytes.",
    "Port owner. The value can be **network:dhcp**, **compute:xxx**, or **neutron:VIP_PORT**.",
    'Backup time window in the "hh:mm-HH:MM" format.\n\n- The values of **mm** and **MM** must be set to any of '
    "the following: **00**, **15**, **30**, or **45**.\n",
    "Origin server information, including the **client_protocol**, **address**, and **port** fields.\n\n"
    "- **client_protocol**: protocol type of the client.\n- **address**: IP address\n- **port**: port number\n",
    "The parameters are as follows:\n\n- **name**: the name\n- **size**: the size\n",
    "Cluster status. Options:\n\n-  **Ready**:\n\n   -  **True**: ready\n   -  **False**: not ready\n\n"
    "-  **Cluster**:\n\n   -  **Available**: available\n",
    "Sub-status.\n\n**121** (expanding capacity), **132** (changing security group)\n\n"
    "**221** (expansion succeeded), *250*\\ \\* (storage backend added), **251** (storage backend removed)\n",
    "The value can be **network:dhcp**, **compute:xxx**, or **neutron:VIP_PORT**.",
    "Volume group. Options:\n\n- **vgpaas**: container\n- **vguser{num}**: user volume\n",
    "Whether the sample is a hard example. Options:\n\n- **0/false**: not hard\n- **1/true**: hard\n",
    "**Definition**: AZ of the server.\n\n**Range**: AZs available in the region.\n\n**Default value**: N/A",
    "Node quantity. Valid value:\n\n- mongos: The value ranges from 2 to 32.\n- config: The value is **1**.\n",
    "**Definition**\n\nSize.\n\n**Constraints**\n\nN/A\n\n**Range**\n\nN/A\n\n**Default Value**\n\nN/A",
    "Items to be masked. You can provide multiple items and separate them with semicolons (;).\n\n"
    "- To bypass the basic web protection, set this parameter to **all**.\n\n**webshell**: Web shells\n\n"
    "**vuln**: Other types of attacks\n",
    "Parameters of a custom automation script. Multiple parameters are separated by space. The options are:\n\n"
    "- **scale_out**: scale-out\n- **scale_in**: scale-in\n",
    "Scope. You can specify 1 to 10 values and separate them with spaces. Options:\n\n- **openid**\n- **email**\n",
    "Resource specification code. Use **rds.mysql.n1.xlarge.4.rr** as an example.\n\n"
    "- **rds**: the RDS product.\n- **mysql**: the DB engine.\n- **n1.xlarge**: the specifications.\n"
    "- **rr**: read replica.\n",
    "Specifies the resource ID, which can be **Endpoint Service ID** or **Endpoint ID**.",
    "Protective action.\n\n**Block**: WAF blocks attacks.\n\n**Log only**: WAF logs attacks only.\n\n"
    "**Verification code**: a code is displayed.\n",
    "Quota type. The value can be **instance** or **ram**.\n\n- **instances**: instance quota\n- **ram**: memory quota\n",
    "Disk type. For details about possible values, see the description of the **root_volume** parameter in the "
    "ECS API reference.\n\n- **SAS**: high I/O\n- **SSD**: ultra-high I/O\n",
    "Network CIDR. Values:\n\n- **172.16.0.0/12-172.16.0.0/24**\n- **192.168.0.0/16-192.168.0.0/24**\n",
    "where, **$6$V6azy** is the ciphertext password, which can be generated as follows:\n\n"
    "#. Generate an encrypted salt value.\n#. Generate a ciphertext password.\n",
])
def test_unsure_lists_stay_in_the_description(text):
    assert facts(text).enum == ()


@pytest.mark.parametrize("text, default", [
    ("The default value is **job**.", "job"),
    ("Timeout interval, in minutes. The default value is 15 minutes.", "15"),
    ("Validity period (in seconds). The value ranges from 15 minutes to 24 hours. The default value is 15 minutes.",
     None),
    ("Storage capacity. The default value is 5 GB for EVS and 50 GB for EFS.", None),
    ("The default value is **8** for an IPv4 subnet and **64** for an IPv6 subnet.", None),
    ("Page size. The default value is **1000** when **action** is set to **filter**.", None),
    ("- If the **action** value is **filter**, the default value is **1,000**.", None),
    ("If this parameter is not specified, the default value is **-1**.", "-1"),
    ("Workspace ID. If no workspace is created, the default value is **0**.", "0"),
    ("Deletion protection flag. If this variable is not assigned, the default value is false.", "false"),
    ("- **volume**: cloud hard disk. When **dataVolumes** is specified, the default value is used.", None),
    ("**Definition**\n\nWhether to enable it.\n\n**Range**\n\nN/A\n\n**Default Value**\n\nfalse", "false"),
    ("**Definition**\n\nAPI version.\n\n**Default Value**\n\n**v3**", "v3"),
    ("**Definition**\n\nA name.\n\n**Default Value**\n\nN/A", None),
    ("Default value: **100**", "100"),
    ("The default value is N/A.", None),
    ("Default value: **None**", None),
    ("The default value is **null**.", None),
    ("The default value is 'NULL'.", None),
    ("The default value is left blank.", None),
    ("The default value is empty.", None),
    ("The default value is as follows:", None),
    ("The default value is the current time.", None),
    ("The default value is ``''``.", None),
    ("Its value can be **desc** (default) or **asc**.", "desc"),
    ("Default value:\n\n**created_at**", "created_at"),
    ("- For MySQL, the default value is **3306**.\n- For PostgreSQL, the default value is **5432**.", None),
])
def test_defaults_and_words_meaning_no_value(text, default):
    assert facts(text).default == default


@pytest.mark.parametrize("text, lengths", [
    ("The value can contain 1 to 64 characters.", ("1", "64")),
    ("Enter 1 to 64 characters.", ("1", "64")),
    ("The value must be 1-64 characters in length.", ("1", "64")),
    ("The value contains a maximum of 255 characters.", (None, "255")),
    ("It can contain no more than 64 characters.", (None, "64")),
    ("The description can contain up to 255 characters.", (None, "255")),
    ("The length cannot exceed 128 characters.", (None, "128")),
    ("The value must be less than or equal to 36 characters.", (None, "36")),
    ("Max 22 characters are allowed.", (None, "22")),
    ("Max characters: 255", (None, "255")),
    ("Tag key.\n\nMinimum length: **1**\n\nMaximum length: **64**\n\nEnumerated values:", ("1", "64")),
    ("The key contains 1 to 36 characters and the value 0 to 43 characters.", (None, None)),
    ("The key contains 1 to 36 characters and the value 1 to 43 characters.", (None, None)),
    ("The value contains a maximum of 1,024 characters.", (None, "1024")),
    ("A tag key contains a maximum of 128 Unicode characters.", (None, "128")),
    ("Its value can be empty or 1 to 43 Unicode characters in length.", (None, "43")),
    ("IAM user ID that contains 32 characters.", ("32", "32")),
    ("The value is a string of 32 characters consisting of lowercase letters and digits.", ("32", "32")),
    ("The value is a UUID containing 36 characters or an asterisk (*).", (None, None)),
    ("The value can contain 1 to 64 characters.\n\nMinimum length: **0**\n\nMaximum length: **64**", (None, "64")),
    ("The value can be left blank or contain 1 to 64 characters.", (None, "64")),
    ("A tag key contains 1 to 36 characters and cannot be left blank.", ("1", "36")),
    ("Certificate name. The maximum length is 256 characters.", (None, "256")),
    ("Project ID obtained from IAM. Generally, a project ID contains 32 characters.", (None, None)),
    ("The value contains a maximum of 255 bytes.", (None, "255")),
    ("The length of the public key must be less than or equal to 1024 bytes.", (None, "1024")),
    ("The value contains 1 to 64 bytes.", (None, None)),
])
def test_string_lengths(text, lengths):
    found = facts(text)
    assert (found.min_length, found.max_length) == lengths


@pytest.mark.parametrize("text, bounds", [
    ("Value range: 1-64", ("1", "64")),
    ("The value ranges from 0 to 2000.", ("0", "2000")),
    ("Minimum: **1**. Maximum: **128**", ("1", "128")),
    ("The value ranges from 1 to 1,024.", ("1", "1024")),
    ("The value ranges from 1 to 65535. (The value ranges from 0 to 255 when it is the ICMP code.)", (None, None)),
    ("The value ranges from 1 to 65,535. When the protocol is icmp, it is a type from 0 to 255.", (None, None)),
    ("The value ranges from 1 to 65535. If the protocol is icmp, the value range is shown in the table.",
     (None, None)),
    ("The value range is from 0 to 732. Automated backups can be retained for up to 2562 days.", (None, None)),
    ("Number of records. The value ranges from 1 to 100. The default value is **10**.", ("1", "100")),
    ("The default minimum value is 5 Mbit/s. The value ranges from 1 Mbit/s to 1000 Mbit/s by default.", (None, None)),
    ("The value ranges from 1 Mbit/s to 1000 Mbit/s by default.\n\nMinimum value: **1**\n\nMaximum value: **1000**",
     ("1", "1000")),
    ("**Definition**\n\nECS progress.\n\n**Range**\n\n0 to 100", ("0", "100")),
    ("Node quantity.\n\n- mongos: The value ranges from 2 to 32.\n- shard: The value ranges from 2 to 32.\n"
     "- config: The value is **1**.\n", (None, None)),
    ("**Definition**\n\nMaximum entries.\n\n**Range**\n\nThe value ranges from 0 to 20.", ("0", "20")),
    ("**Definition**\n\nEnd time, a timestamp in milliseconds.\n\n**Range**\n\nMinimum: **13**\n\nMaximum: **13**",
     (None, None)),
])
def test_numeric_ranges(text, bounds):
    found = facts(text)
    assert (found.minimum, found.maximum) == bounds


def test_an_array_value_list_belongs_to_its_items():
    typed = typed_facts(facts("Value options: **a**, **b**"), Shape("array"))
    assert typed.enum == () and typed.items is not None and typed.items.enum == ("a", "b")


def test_lengths_are_typed_for_strings_only():
    found = facts("The value can contain 1 to 64 characters.")
    assert (typed_facts(found, Shape("string")).max_length, typed_facts(found, Shape("integer")).max_length) == (64, None)


def test_a_sample_status_list_is_a_value_list():
    assert facts("Sample status. Options:\n\n- __ALL__: labeled\n- __NONE__: unlabeled\n").enum == ("__ALL__", "__NONE__")


def test_default_and_range_columns_are_facts():
    page = parse_page(textwrap.dedent("""\
        Things
        ======

        .. table:: **Table 4** ECS network parameter structure description

           +-----------+---------+------+---------------+--------------------------------------------+-------------------+
           | Attribute | Type    | CRUD | Default Value | Constraint                                 | Remarks           |
           +===========+=========+======+===============+============================================+===================+
           | version   | Integer | R    | N/A           | 4 or 6                                     | IP version.       |
           +-----------+---------+------+---------------+--------------------------------------------+-------------------+
           | name      | String  | CRU  | None          | The value can contain 0 to 64 characters.  | Gateway name.     |
           +-----------+---------+------+---------------+--------------------------------------------+-------------------+
           | bgp_asn   | Integer | CR   | 64512         | N/A                                        | BGP ASN.          |
           +-----------+---------+------+---------------+--------------------------------------------+-------------------+
        """).encode(), "docs/svc/page.rst")
    rows = {row.name: row for row in page.tables[0].rows}
    assert rows["version"].facts.enum == ("4", "6") and rows["version"].facts.default is None
    assert (rows["name"].facts.min_length, rows["name"].facts.max_length, rows["name"].facts.default) == ("0", "64", None)
    assert rows["bgp_asn"].facts.default == "64512"
    assert rows["name"].description == "Gateway name.\n\nConstraint: The value can contain 0 to 64 characters."


@pytest.mark.parametrize("text, cases", [
    ("If the uploaded file is in ISO format, this parameter is mandatory.",
     {"if the uploaded file is in iso format, this parameter is mandatory"}),
    ("This parameter is mandatory when **is_quick_import** is **true**.",
     {"this parameter is mandatory when is_quick_import is true"}),
    ("This parameter is mandatory.", set()),
    ("Specifies the OS version. This parameter is valid if an image file is used.", set()),
])
def test_cases_that_make_a_field_required(text, cases):
    assert required_cases(text) == cases


@pytest.mark.parametrize("text", [
    "This parameter is mandatory for Apache Kafka links.",
    "This parameter is mandatory only if you have enabled virtual MFA-based login protection.",
    "If token-based authentication is used, this field is mandatory and must be set to a user token.",
])
def test_more_wordings_of_a_case_that_makes_a_field_required(text):
    assert required_cases(text)


LEFT_OUT = [
    "This parameter is optional during installation.",
    "This parameter is not contained in the request when unbinding the EIP.",
    "This parameter is not required when you assign a floating IP address.",
    "- This parameter is not transferred for shard nodes.",
    "This field is not returned when the file system is being created.",
    "Queue name. This parameter is available only when **type** is set to **DLISQL**.",
    "This parameter is valid only when **conditions** is left blank.",
    "This parameter is used only when the Hive version is **HIVE_3_X**.",
    "This parameter is needed by Spark Script and Hive Script jobs only, and must end with .sql.",
    "This parameter cannot be set if the value of **ip_version** is **6**.",
    "If this parameter is not specified, all trackers of a tenant will be queried.",
    "If **enhance_l7policy_enable** is set to **true** and this parameter is not passed, the priority is 1.",
]
ABOUT_OTHER_THINGS = [
    "Name of the agency created by the delegating party A.",
    "A token with **Security Administrator** permissions is required if the administrator is requesting to "
    "query the details about a specified user.",
    "Cross-CIDR access is required only when the CIDR blocks of the client and the instance are different.",
    "**id** needs to be configured only when **action** is set to **bind**.",
    "This mode is supported only when the instance category is **EFS**.",
    "If the specified disk type is not available in the AZ, the disk creation will fail.",
    "User.\n\n- **user.id**: ID of the user.\n- **password_expires_at**: UTC time. This parameter is optional.\n",
]


@pytest.mark.parametrize("text, left_out", [(t, True) for t in LEFT_OUT] + [(t, False) for t in ABOUT_OTHER_THINGS])
def test_cases_that_leave_a_field_out(text, left_out):
    """A sentence about the field itself ("this parameter", "this field", "it") naming a case
    without it; sentences about other things (a token, another field's item) name none."""
    assert bool(optional_cases(text)) is left_out
    assert left_out or not required_cases(text)


@pytest.mark.parametrize("mandatory, description, required", [
    ("Yes", "Queue name.", True),
    ("Yes", "Host group label. This parameter is mandatory when the host group type is **LABEL**.", False),
    ("Yes", "This parameter is not contained in the request when unbinding the EIP.", False),
    ("Yes (If the volume is created from a snapshot, this parameter is optional.)", "Volume size.", False),
    ("Yes if Tag is present.", "Tag key.", False),
    ("Yes only when you need to enable the logging function", "Target bucket.", False),
    ("Yes for AK/SK-based authentication", "Signature.", False),
    ("Yes.", "Name.", True),
    ("No", "Name.", False),
    (None, "Name.", False),
])
def test_a_field_required_in_a_case_only_is_optional(mandatory, description, required):
    assert required_always(mandatory, description) is required


def test_values_stated_per_case():
    text = ("Node quantity.\n\n- mongos: The value ranges from 2 to 32.\n- config: The value is **1**.\n"
            "- replica: The value can be 1 or 3 (both values will create 3 nodes).\n- **true**: enabled\n")
    assert case_values(text) == {"mongos": ((), "2", "32"), "config": (("1",), None, None),
                                 "replica": (("1", "3"), None, None)}
