using ContractFirst.Specs.Tests.Infrastructure;

namespace ContractFirst.Specs.Tests;

/// <summary>
/// The facts of ClickHouse Cloud's services and backups reference, plus the wire format of ClickHouse's
/// published OpenAPI document (response envelopes, errors, Basic auth, object-shaped IP access lists).
/// </summary>
public static partial class SeedFacts
{
    private const string OrgServices = "/v1/organizations/{organizationId}/services";
    private const string OrgService = "/v1/organizations/{organizationId}/services/{serviceId}";
    private const string ServiceState = OrgService + "/state";
    private const string ServiceScaling = OrgService + "/scaling";
    private const string ServicePassword = OrgService + "/password";
    private const string ServiceBackups = OrgService + "/backups";
    private const string ServiceBackup = ServiceBackups + "/{backupId}";

    private const string TierDescription =
        "Tier of the service: 'development', 'production', 'dedicated_high_mem', 'dedicated_high_cpu', 'dedicated_standard'. Production services scale, Development are fixed size.";
    private const string MinMemoryDescription =
        "Minimum total memory of all workers during auto-scaling in Gb. Available only for 'production' services. Must be a multiple of 12 and greater than 24.";
    private const string MaxMemoryDescription =
        "Maximum total memory of all workers during auto-scaling in Gb. Available only for 'production' services. Must be a multiple of 12 and lower than 360 for non paid services or 720 for paid services.";
    private const string IdleScalingDescription =
        "When set to true the service is allowed to scale down to zero when idle. Always true for development services.";
    private const string IdleTimeoutDescription = "Set minimum idling timeout (in minutes). Must be >= 5 minutes.";

    private static readonly string[] Tiers = { "development", "production", "dedicated_high_mem", "dedicated_high_cpu", "dedicated_standard" };
    private static readonly string[] Providers = { "aws", "gcp", "azure" };

    private static FactTable ClickHouse()
    {
        var t = new FactTable(SpecDocument.ClickHouse);

        t.Row("#/servers/0", "url", "https://api.clickhouse.cloud");
        t.Row("#/components/securitySchemes/basicAuth", "type", "http");
        t.Row("#/components/securitySchemes/basicAuth", "scheme", "basic");
        t.Row("#/components/securitySchemes/basicAuth", "description", "the key ID is the user name and the key secret is the");
        t.Exists("#/security/0/basicAuth");

        // Operations, their path parameters, bodies and envelopes.
        t.Operation(OrgServices, "get", "listServices", "List of organization services");
        t.Row(JsonPointer.Path(OrgServices, "get"), "description", "Returns a list of all services in the organization.");
        t.PathParameter(OrgServices, "get", "organizationId", "uuid", "ID of the requested organization.");
        t.Response(OrgServices, "get", "200", "ServiceListResponse");

        t.Operation(OrgServices, "post", "createService", "Create new service");
        t.Row(JsonPointer.Path(OrgServices, "post"), "description",
            "Creates a new service in the organization, and returns the current service state and a password to access the service. The service is started asynchronously.");
        t.PathParameter(OrgServices, "post", "organizationId", "uuid", "ID of the organization that will own the service.");
        t.RequestBody(OrgServices, "post", "ServicePostRequest");
        t.Response(OrgServices, "post", "200", "ServicePostResponseWrapper");

        t.Operation(OrgService, "get", "getService", "Get service details");
        t.Row(JsonPointer.Path(OrgService, "get"), "description", "Returns a service that belongs to the organization");
        t.PathParameter(OrgService, "get", "organizationId", "uuid", "ID of the organization that owns the service.");
        t.PathParameter(OrgService, "get", "serviceId", "uuid", "ID of the requested service.");
        t.Response(OrgService, "get", "200", "ServiceResponse");

        t.Operation(OrgService, "patch", "updateService", "Update service basic details.");
        t.Row(JsonPointer.Path(OrgService, "patch"), "description", "Updates basic service details like service name or IP access list.");
        t.PathParameter(OrgService, "patch", "organizationId", "uuid", "ID of the organization that owns the service.");
        t.PathParameter(OrgService, "patch", "serviceId", "uuid", "ID of the service to update.");
        t.RequestBody(OrgService, "patch", "ServicePatchRequest");
        t.Response(OrgService, "patch", "200", "ServiceResponse");

        t.Operation(OrgService, "delete", "deleteService", "Delete service.");
        t.Row(JsonPointer.Path(OrgService, "delete"), "description",
            "Deletes the service. The service must be in stopped state and is deleted asynchronously after this method call.");
        t.PathParameter(OrgService, "delete", "organizationId", "uuid", "ID of the organization that owns the service.");
        t.PathParameter(OrgService, "delete", "serviceId", "uuid", "ID of the service to delete.");
        t.Response(OrgService, "delete", "200", "ServiceDeleteResponse");

        t.Operation(ServiceState, "patch", "updateServiceState", "Update service state.");
        t.Row(JsonPointer.Path(ServiceState, "patch"), "description", "Starts or stop service");
        t.PathParameter(ServiceState, "patch", "organizationId", "uuid", "ID of the organization that owns the service.");
        t.PathParameter(ServiceState, "patch", "serviceId", "uuid", "ID of the service to update state.");
        t.RequestBody(ServiceState, "patch", "ServiceStatePatchRequest");
        t.Response(ServiceState, "patch", "200", "ServiceResponse");

        t.Operation(ServiceScaling, "patch", "updateServiceScaling", "Update service auto scaling settings.");
        t.Row(JsonPointer.Path(ServiceScaling, "patch"), "description",
            "Updates minimum and maximum total memory limits and idle mode scaling behavior for the service. The memory settings are available only for \"production\" services and must be a multiple of 12 starting from 24GB.");
        t.PathParameter(ServiceScaling, "patch", "organizationId", "uuid", "ID of the organization that owns the service.");
        t.PathParameter(ServiceScaling, "patch", "serviceId", "uuid", "ID of the service to update scaling parameters.");
        t.RequestBody(ServiceScaling, "patch", "ServiceScalingPatchRequest");
        t.Response(ServiceScaling, "patch", "200", "ServiceResponse");

        t.Operation(ServicePassword, "patch", "updateServicePassword", "Update service password.");
        t.Row(JsonPointer.Path(ServicePassword, "patch"), "description", "Sets a new password for the service");
        t.PathParameter(ServicePassword, "patch", "organizationId", "uuid", "ID of the organization that owns the service.");
        t.PathParameter(ServicePassword, "patch", "serviceId", "uuid", "ID of the service to update password.");
        t.RequestBody(ServicePassword, "patch", "ServicePasswordPatchRequest");
        t.Response(ServicePassword, "patch", "200", "ServicePasswordPatchResponseWrapper");

        t.Operation(ServiceBackups, "get", "listServiceBackups", "List of service backups");
        t.Row(JsonPointer.Path(ServiceBackups, "get"), "description",
            "Returns a list of all backups for the service. The most recent backups comes first in the list.");
        t.PathParameter(ServiceBackups, "get", "organizationId", "uuid", "ID of the organization that owns the backup.");
        t.PathParameter(ServiceBackups, "get", "serviceId", "uuid", "ID of the service the backup was created from.");
        t.Response(ServiceBackups, "get", "200", "BackupListResponse");

        t.Operation(ServiceBackup, "get", "getServiceBackup", "Get backup details");
        t.Row(JsonPointer.Path(ServiceBackup, "get"), "description", "Returns a single backup info.");
        t.PathParameter(ServiceBackup, "get", "organizationId", "uuid", "ID of the organization that owns the backup.");
        t.PathParameter(ServiceBackup, "get", "serviceId", "uuid", "ID of the service the backup was created from.");
        t.PathParameter(ServiceBackup, "get", "backupId", "uuid", "ID of the requested backup.");
        t.Response(ServiceBackup, "get", "200", "BackupResponse");

        // Every error answers ApiError; the common statuses are declared on every operation.
        foreach (var (path, method) in new[]
                 {
                     (OrgServices, "get"), (OrgServices, "post"), (OrgService, "get"), (OrgService, "patch"), (OrgService, "delete"),
                     (ServiceState, "patch"), (ServiceScaling, "patch"), (ServicePassword, "patch"), (ServiceBackups, "get"),
                     (ServiceBackup, "get"),
                 })
        {
            t.Row(JsonPointer.Path(path, method, "responses", "400"), "$ref", "#/components/responses/BadRequest");
            t.Row(JsonPointer.Path(path, method, "responses", "401"), "$ref", "#/components/responses/Unauthorized");
            t.Row(JsonPointer.Path(path, method, "responses", "403"), "$ref", "#/components/responses/Forbidden");
            t.Row(JsonPointer.Path(path, method, "responses", "404"), "$ref", "#/components/responses/NotFound");
            t.Row(JsonPointer.Path(path, method, "responses", "500"), "$ref", "#/components/responses/InternalServerError");
        }

        foreach (var response in new[] { "BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "InternalServerError" })
        {
            t.Row(JsonPointer.Of("components", "responses", response, "content", "application/json", "schema"), "$ref", "#/components/schemas/ApiError");
        }

        t.Object("ApiError", new[] { "status", "error" }, "status", "error", "requestId");
        t.Field("ApiError", "status", "number");
        t.Field("ApiError", "error", "string");
        t.Field("ApiError", "requestId", "string", "uuid");

        // Envelopes: {status, requestId, result}.
        foreach (var (envelope, resultRef, resultItemsRef) in new[]
                 {
                     ("ServiceListResponse", (string?)null, (string?)"Service"),
                     ("ServiceResponse", "Service", null),
                     ("ServicePostResponseWrapper", "ServicePostResponse", null),
                     ("ServicePasswordPatchResponseWrapper", "ServicePasswordPatchResponse", null),
                     ("BackupListResponse", null, "Backup"),
                     ("BackupResponse", "Backup", null),
                 })
        {
            t.Object(envelope, new[] { "status", "result" }, "status", "requestId", "result");
            t.Field(envelope, "status", "number");
            t.Field(envelope, "requestId", "string", "uuid");
            if (resultRef is not null)
            {
                t.RefField(envelope, "result", resultRef);
            }
            else
            {
                t.ArrayField(envelope, "result", itemRef: resultItemsRef);
            }
        }

        t.Object("ServiceDeleteResponse", new[] { "status" }, "status", "requestId");
        t.Field("ServiceDeleteResponse", "status", "number");
        t.Field("ServiceDeleteResponse", "requestId", "string", "uuid");

        // Service: the "Response Schema" of list, get, update, state and scaling.
        t.Object("Service", System.Array.Empty<string>(),
            "id", "name", "provider", "region", "state", "endpoints", "tier", "minTotalMemoryGb", "maxTotalMemoryGb",
            "idleScaling", "idleTimeoutMinutes", "ipAccessList", "createdAt");
        t.Field("Service", "id", "string", "uuid", "Unique service ID.");
        t.Field("Service", "name", "string", null, "Name of the service.");
        t.Field("Service", "provider", "string", null, "Cloud provider");
        t.Enum("Service", "provider", Providers);
        t.Field("Service", "region", "string", null, "Service region.");
        t.Field("Service", "state", "string", null, "Current state of the service.");
        t.Enum("Service", "state",
            "starting", "stopping", "terminating", "provisioning", "running", "stopped", "terminated", "degraded", "failed",
            "idle", "awaking", "partially_running");
        t.ArrayField("Service", "endpoints", itemRef: "ServiceEndpoint", description: "List of all service endpoints.");
        t.Field("Service", "tier", "string", null, TierDescription);
        t.Enum("Service", "tier", Tiers);
        Memory(t, "Service");
        t.ArrayField("Service", "ipAccessList", itemRef: "IpAccessListEntry", description: "List of IP addresses allowed to access the service");
        t.Field("Service", "createdAt", "string", "date-time", "Service creation timestamp. ISO-8601.");

        t.Object("ServiceEndpoint", System.Array.Empty<string>(), "protocol", "host", "port");
        t.Field("ServiceEndpoint", "protocol", "string");
        t.Enum("ServiceEndpoint", "protocol", "https", "nativesecure", "mysql");
        t.Field("ServiceEndpoint", "host", "string");
        t.Field("ServiceEndpoint", "port", "integer");

        t.Object("IpAccessListEntry", new[] { "source" }, "source", "description");
        t.Field("IpAccessListEntry", "source", "string", null, "IP address or CIDR");
        t.Field("IpAccessListEntry", "description", "string");

        t.Object("IpAccessListPatch", System.Array.Empty<string>(), "add", "remove");
        t.ArrayField("IpAccessListPatch", "add", itemRef: "IpAccessListEntry");
        t.ArrayField("IpAccessListPatch", "remove", itemRef: "IpAccessListEntry");

        // Create.
        t.Object("ServicePostRequest", new[] { "name", "provider", "region" },
            "name", "provider", "region", "tier", "ipAccessList", "minTotalMemoryGb", "maxTotalMemoryGb", "idleScaling",
            "idleTimeoutMinutes", "backupId");
        t.Field("ServicePostRequest", "name", "string", null, "Name of the service.");
        t.Field("ServicePostRequest", "provider", "string", null, "Cloud provider");
        t.Enum("ServicePostRequest", "provider", Providers);
        t.Field("ServicePostRequest", "region", "string", null, "Service region.");
        t.Field("ServicePostRequest", "tier", "string", null, TierDescription);
        t.Enum("ServicePostRequest", "tier", Tiers);
        t.ArrayField("ServicePostRequest", "ipAccessList", itemRef: "IpAccessListEntry", description: "List of IP addresses allowed to access the service");
        Memory(t, "ServicePostRequest");
        t.Field("ServicePostRequest", "backupId", "string", "uuid",
            "Optional backup ID used as an initial state for the new service. When used the region and the tier of the new instance must be the same as the values of the original instance.");

        t.Object("ServicePostResponse", System.Array.Empty<string>(), "service", "password");
        t.RefField("ServicePostResponse", "service", "Service");
        t.Field("ServicePostResponse", "password", "string", null, "Password for the newly created service.");

        // Update.
        t.Object("ServicePatchRequest", System.Array.Empty<string>(), "name", "ipAccessList");
        t.Field("ServicePatchRequest", "name", "string", null, "Name of the service.");
        t.RefField("ServicePatchRequest", "ipAccessList", "IpAccessListPatch");

        // State.
        t.Object("ServiceStatePatchRequest", new[] { "command" }, "command");
        t.Field("ServiceStatePatchRequest", "command", "string", null, "Command to change the state: 'start', 'stop'.");
        t.Enum("ServiceStatePatchRequest", "command", "start", "stop", "awake");

        // Scaling.
        t.Object("ServiceScalingPatchRequest", System.Array.Empty<string>(),
            "minTotalMemoryGb", "maxTotalMemoryGb", "idleScaling", "idleTimeoutMinutes");
        Memory(t, "ServiceScalingPatchRequest");

        // Password.
        t.Object("ServicePasswordPatchRequest", System.Array.Empty<string>(), "newPasswordHash", "newDoubleSha1Hash");
        t.Field("ServicePasswordPatchRequest", "newPasswordHash", "string", null,
            "Optional password hash. Used to avoid password transmission over network. If not provided a new password is generated and is provided in the response. Otherwise this hash is used.");
        t.Row(FactTable.Property("ServicePasswordPatchRequest", "newPasswordHash"), "description",
            "Algorithm: echo -n \"yourpassword\" | sha256sum | tr -d '-' | xxd -r -p | base64");
        t.Field("ServicePasswordPatchRequest", "newDoubleSha1Hash", "string", null,
            "Optional double SHA1 password hash for MySQL protocol. If newPasswordHash is not provided this key will be ignored and the generated password will be used. To enable this field please contact support as it is experimental.");
        t.Row(FactTable.Property("ServicePasswordPatchRequest", "newDoubleSha1Hash"), "description",
            "Algorithm: echo -n \"yourpassword\" | sha1sum | tr -d '-' | xxd -r -p | sha1sum | tr -d '-'");

        t.Object("ServicePasswordPatchResponse", System.Array.Empty<string>(), "password");
        t.Field("ServicePasswordPatchResponse", "password", "string", null,
            "New service password. Provided only if there was no 'newPasswordHash' in the request");

        // Backups.
        t.Object("Backup", System.Array.Empty<string>(), "id", "status", "serviceId", "startedAt", "finishedAt");
        t.Field("Backup", "id", "string", "uuid", "Unique backup ID.");
        t.Field("Backup", "status", "string", null, "Status of the backup: 'done', 'error', 'in_progress'.");
        t.Enum("Backup", "status", "done", "error", "in_progress");
        t.Field("Backup", "serviceId", "string", null, "Name");
        t.Field("Backup", "startedAt", "string", "date-time", "Backup start timestamp. ISO-8601.");
        t.Field("Backup", "finishedAt", "string", "date-time", "Backup finish timestamp. ISO-8601. Available only for finished backups");

        return t;
    }

    /// <summary>The four scaling fields, with the rules the prose states.</summary>
    private static void Memory(FactTable t, string schema)
    {
        t.Field(schema, "minTotalMemoryGb", "number", null, MinMemoryDescription);
        t.Bound(schema, "minTotalMemoryGb", "multipleOf", 12);
        t.Bound(schema, "minTotalMemoryGb", "minimum", 24);
        t.Bound(schema, "minTotalMemoryGb", "exclusiveMinimum", null); // "starting from 24GB": 24 is allowed
        t.Bound(schema, "minTotalMemoryGb", "maximum", 720);
        t.Row(FactTable.Property(schema, "minTotalMemoryGb"), "description", "minimum: 24");

        t.Field(schema, "maxTotalMemoryGb", "number", null, MaxMemoryDescription);
        t.Bound(schema, "maxTotalMemoryGb", "multipleOf", 12);
        t.Bound(schema, "maxTotalMemoryGb", "minimum", 24);
        t.Bound(schema, "maxTotalMemoryGb", "maximum", 720);
        t.Bound(schema, "maxTotalMemoryGb", "x-unpaid-maximum", 360);
        t.Row(FactTable.Property(schema, "maxTotalMemoryGb"), "description", "x-unpaid-maximum");

        t.Field(schema, "idleScaling", "boolean", null, IdleScalingDescription);
        t.Field(schema, "idleTimeoutMinutes", "number", null, IdleTimeoutDescription);
        t.Bound(schema, "idleTimeoutMinutes", "minimum", 5);
    }
}
