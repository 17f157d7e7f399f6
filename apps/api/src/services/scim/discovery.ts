// SCIM's discovery documents (RFC 7643 §5–7, RFC 7644 §4): what this server supports, the
// attributes of its Users and Groups, and its resource types. They say only what is true here:
// PATCH and filters yes; bulk, sorting, ETags and password changes no.
export const SCHEMA = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  enterprise: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  listResponse: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  serviceProviderConfig: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  resourceType: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  schema: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

/** The most resources one list answer holds; a larger `count` is cut to it. */
export const MAX_RESULTS = 200;

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SCHEMA.serviceProviderConfig],
    documentationUri: "https://github.com/fivefold/fivefold/blob/main/docs/api.md#scim-20-provisioning",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description:
          "A Fivefold API token with the scim scope, created by an admin under Settings → API tokens",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

type Attribute = Record<string, unknown>;

function attr(name: string, extra: Attribute = {}): Attribute {
  return {
    name,
    type: "string",
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...extra,
  };
}

function reference(name: string, types: string[], extra: Attribute = {}): Attribute {
  return attr(name, {
    type: "complex",
    ...extra,
    subAttributes: [
      attr("value"),
      attr("$ref", { type: "reference", referenceTypes: types }),
      attr("display", { mutability: "readOnly" }),
    ],
  });
}

const SCHEMAS = [
  {
    id: SCHEMA.user,
    name: "User",
    description: "A person of the organisation; userName is their e-mail address",
    attributes: [
      attr("userName", { required: true, uniqueness: "server" }),
      // Compared without case, as every attribute here (query.ts): a client sending two ids that differ
      // only in case finds the first.
      attr("externalId"),
      attr("name", {
        type: "complex",
        subAttributes: [attr("formatted"), attr("givenName"), attr("familyName")],
      }),
      attr("displayName"),
      attr("emails", {
        type: "complex",
        multiValued: true,
        mutability: "readOnly",
        subAttributes: [attr("value"), attr("type"), attr("primary", { type: "boolean" })],
      }),
      attr("active", { type: "boolean" }),
    ],
  },
  {
    id: SCHEMA.enterprise,
    name: "EnterpriseUser",
    description: "The manager a person reports to",
    attributes: [reference("manager", ["User"])],
  },
  {
    id: SCHEMA.group,
    name: "Group",
    description: "A team of the organisation",
    attributes: [
      attr("displayName", { required: true, uniqueness: "server" }),
      reference("members", ["User"], { multiValued: true }),
    ],
  },
];

export function schemas(base: string) {
  return SCHEMAS.map((s) => ({
    schemas: [SCHEMA.schema],
    ...s,
    meta: { resourceType: "Schema", location: `${base}/Schemas/${s.id}` },
  }));
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: [SCHEMA.resourceType],
      id: "User",
      name: "User",
      endpoint: "/Users",
      schema: SCHEMA.user,
      schemaExtensions: [{ schema: SCHEMA.enterprise, required: false }],
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [SCHEMA.resourceType],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      schema: SCHEMA.group,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
}

/** A list answer (RFC 7644 §3.4.2) of one page. */
export function listResponse<T>(resources: T[], total: number, startIndex: number) {
  return {
    schemas: [SCHEMA.listResponse],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
