using ContractFirst.Specs.Tests.Infrastructure;

namespace ContractFirst.Specs.Tests;

/// <summary>
/// The facts of Miget's reference pages (create service, create add-on, create bucket), one row per field,
/// enum value, bound and default. Rows marked "ours" record a decision of this repository, not a seed fact.
/// </summary>
public static partial class SeedFacts
{
    private const string Services = "/api/v1/services";
    private const string Addons = "/api/v1/apps/{uuid}/addons";
    private const string Buckets = "/api/v1/buckets";

    private static FactTable Miget()
    {
        var t = new FactTable(SpecDocument.Miget);

        // Server and authentication.
        t.Row("#/servers/0", "url", "https://app.miget.com");
        t.Row("#/components/securitySchemes/bearerAuth", "type", "http");
        t.Row("#/components/securitySchemes/bearerAuth", "scheme", "bearer");
        t.Row("#/components/securitySchemes/bearerAuth", "description", "Bearer token for authentication. Format: 'Bearer {token}'");
        t.Exists("#/security/0/bearerAuth");

        // The optional workspace header, shared by every operation.
        t.Row("#/components/parameters/XWorkspaceId", "name", "X-Workspace-Id");
        t.Row("#/components/parameters/XWorkspaceId", "in", "header");
        t.Row("#/components/parameters/XWorkspaceId", "description", "Workspace ID (uses default workspace if not provided)");
        t.Row("#/components/parameters/XWorkspaceId/schema", "type", "string");
        foreach (var path in new[] { Services, Addons, Buckets })
        {
            t.Exists(JsonPointer.Path(path, "post", "parameters", JsonPointer.Select("$ref", "#/components/parameters/XWorkspaceId")));
        }

        // POST /api/v1/services
        t.Operation(Services, "post", "createService", "Create a new service");
        t.RequestBody(Services, "post", "postApiV1Services");
        t.Row(JsonPointer.Path(Services, "post", "requestBody"), "description", "Create a new service");
        t.Response(Services, "post", "201", "Api_V1_Entities_Service", "Create a new service");

        t.Object("postApiV1Services",
            new[] { "service_type", "project_id", "miget_id", "label" },
            "service_type", "project_id", "miget_id", "label", "ram_size", "disk_size", "cpu_size", "postgres_version",
            "public_access", "environment_variables", "mount_point", "storage_access");
        t.Field("postApiV1Services", "service_type", "string", null, "Service type: 'postgres' (PostgreSQL database), 'shared_storage' (shared persistent volume)");
        t.Enum("postApiV1Services", "service_type", "postgres", "shared_storage");
        t.Field("postApiV1Services", "project_id", "integer", "int32", "ID of the project to create the service in");
        t.Field("postApiV1Services", "miget_id", "integer", "int32", "ID of the compute resource to provision the service on");
        t.Field("postApiV1Services", "label", "string", null, "Human-readable display name for the service");
        t.Field("postApiV1Services", "ram_size", "number", "float", "RAM allocation in MiB (e.g., 64, 128, 256)");
        t.Field("postApiV1Services", "disk_size", "number", "float", "Disk storage in GiB (e.g., 1, 5, 10)");
        t.Field("postApiV1Services", "cpu_size", "number", "float", "CPU allocation in cores (e.g., 0.1, 0.25, 0.5)");
        t.Field("postApiV1Services", "postgres_version", "string", null, "PostgreSQL version (e.g., '15', '16'). Only for postgres type.");
        t.Field("postApiV1Services", "public_access", "string", null, "Enable public internet access: '0' disabled, '1' enabled. For postgres type.");
        t.Enum("postApiV1Services", "public_access", "0", "1");
        t.Field("postApiV1Services", "environment_variables", "boolean", null, "Automatically inject connection environment variables into parent application");
        t.Field("postApiV1Services", "mount_point", "string", null, "Container mount path (e.g., /data). For shared_storage type.");
        t.Field("postApiV1Services", "storage_access", "string", null, "Access mode: 'RWO' (single node read-write), 'RWX' (multi-node read-write). For shared_storage type.");
        t.Enum("postApiV1Services", "storage_access", "RWO", "RWX");

        t.Object("Api_V1_Entities_Service",
            new[] { "uuid", "name", "label", "service_type", "project_id", "miget_id", "created_at", "updated_at" },
            "uuid", "name", "label", "service_type", "project_id", "miget_id", "created_at", "updated_at");
        t.Row(FactTable.Schema("Api_V1_Entities_Service"), "description", "Api_V1_Entities_Service model");
        t.Field("Api_V1_Entities_Service", "uuid", "string", null, "Service UUID");
        t.Field("Api_V1_Entities_Service", "name", "string", null, "Service name");
        t.Field("Api_V1_Entities_Service", "label", "string", null, "Display name");
        t.Field("Api_V1_Entities_Service", "service_type", "string", null, "Service type (postgres, shared_storage)");
        t.Field("Api_V1_Entities_Service", "project_id", "string", null, "Associated project UUID");
        t.Field("Api_V1_Entities_Service", "miget_id", "string", null, "Assigned resource UUID");
        t.Field("Api_V1_Entities_Service", "created_at", "string", "date-time", "Creation timestamp");
        t.Field("Api_V1_Entities_Service", "updated_at", "string", "date-time", "Last update timestamp");

        // POST /api/v1/apps/{uuid}/addons
        t.Operation(Addons, "post", "createAddon", "Create a new add-on");
        t.PathParameter(Addons, "post", "uuid", null, "Application UUID");
        t.RequestBody(Addons, "post", "postApiV1AppsUuidAddons");
        t.Row(JsonPointer.Path(Addons, "post", "requestBody"), "description", "Create a new add-on");
        t.Response(Addons, "post", "201", "Api_V1_Entities_Addon", "Create a new add-on");

        t.Object("postApiV1AppsUuidAddons",
            new[] { "type", "name" },
            "type", "name", "label", "ram_size", "disk_size", "cpu_size", "postgres_version", "mysql_version",
            "valkey_version", "public_access", "service_id", "mount_point", "storage_access");
        t.Field("postApiV1AppsUuidAddons", "type", "string", null, "Add-on type: 'postgres' (PostgreSQL), 'mysql' (MySQL), 'valkey' (Redis-compatible cache), 'storage' (persistent volume)");
        t.Enum("postApiV1AppsUuidAddons", "type", "postgres", "mysql", "valkey", "storage");
        t.Field("postApiV1AppsUuidAddons", "name", "string", null, "Unique add-on identifier (used in environment variable names)");
        t.Field("postApiV1AppsUuidAddons", "label", "string", null, "Human-readable display name for the add-on");
        t.Field("postApiV1AppsUuidAddons", "ram_size", "number", "float", "RAM allocation in MiB (e.g., 64, 128, 256)");
        t.Field("postApiV1AppsUuidAddons", "disk_size", "number", "float", "Disk storage in GiB (e.g., 1, 5, 10)");
        t.Field("postApiV1AppsUuidAddons", "cpu_size", "number", "float", "CPU allocation in cores (e.g., 0.1, 0.25, 0.5)");
        t.Field("postApiV1AppsUuidAddons", "postgres_version", "string", null, "PostgreSQL version (e.g., '15', '16'). Only for postgres type.");
        t.Field("postApiV1AppsUuidAddons", "mysql_version", "string", null, "MySQL version (e.g., '8.0', '8.4'). Only for mysql type.");
        t.Field("postApiV1AppsUuidAddons", "valkey_version", "string", null, "Valkey version (e.g., '7.2'). Only for valkey type.");
        t.Field("postApiV1AppsUuidAddons", "public_access", "string", null, "Enable public internet access: '0' disabled, '1' enabled. For postgres type.");
        t.Enum("postApiV1AppsUuidAddons", "public_access", "0", "1");
        t.Field("postApiV1AppsUuidAddons", "service_id", "integer", "int32", "Associated service ID for shared storage add-ons");
        t.Field("postApiV1AppsUuidAddons", "mount_point", "string", null, "Container mount path (e.g., /data). For storage type.");
        t.Field("postApiV1AppsUuidAddons", "storage_access", "string", null, "Access mode: 'RWO' (single node read-write), 'RWX' (multi-node read-write). For storage type.");
        t.Enum("postApiV1AppsUuidAddons", "storage_access", "RWO", "RWX");

        t.Object("Api_V1_Entities_Addon",
            new[] { "uuid", "name", "type", "label", "state", "quota", "settings", "var", "created_at", "updated_at" },
            "uuid", "name", "type", "label", "state", "quota", "settings", "var", "created_at", "updated_at");
        t.Row(FactTable.Schema("Api_V1_Entities_Addon"), "description", "Api_V1_Entities_Addon model");
        t.Field("Api_V1_Entities_Addon", "uuid", "string", null, "Add-on UUID");
        t.Field("Api_V1_Entities_Addon", "name", "string", null, "Add-on name");
        t.Field("Api_V1_Entities_Addon", "type", "string", null, "Add-on type (postgres, mysql, valkey, storage, cronjob)");
        t.Field("Api_V1_Entities_Addon", "label", "string", null, "Display name");
        t.Field("Api_V1_Entities_Addon", "state", "string", null, "Current state");
        t.Field("Api_V1_Entities_Addon", "quota", "object", null, "Resource quota configuration");
        t.Field("Api_V1_Entities_Addon", "settings", "object", null, "Add-on specific settings");
        t.Field("Api_V1_Entities_Addon", "var", "object", null, "Connection environment variables");
        t.Row(FactTable.Property("Api_V1_Entities_Addon", "var", "additionalProperties"), "type", "string"); // ours
        t.Field("Api_V1_Entities_Addon", "created_at", "string", "date-time", "Creation timestamp");
        t.Field("Api_V1_Entities_Addon", "updated_at", "string", "date-time", "Last update timestamp");

        // POST /api/v1/buckets
        t.Operation(Buckets, "post", "createBucket", "Create a new bucket");
        t.RequestBody(Buckets, "post", "postApiV1Buckets");
        t.Row(JsonPointer.Path(Buckets, "post", "requestBody"), "description", "Create a new bucket");
        t.Response(Buckets, "post", "201", "Api_V1_Entities_Bucket", "Create a new bucket");

        t.Object("postApiV1Buckets", new[] { "label", "miget_id" }, "label", "miget_id", "visibility", "disk_size");
        t.Field("postApiV1Buckets", "label", "string", null, "Bucket label (display name)");
        t.Field("postApiV1Buckets", "miget_id", "integer", "int32", "Resource (Miget) ID to attach the bucket to");
        t.Field("postApiV1Buckets", "visibility", "string", null, "Bucket visibility: 'public_access' or 'private_access'");
        t.Bound("postApiV1Buckets", "visibility", "default", "private_access");
        t.Enum("postApiV1Buckets", "visibility", "public_access", "private_access");
        t.Field("postApiV1Buckets", "disk_size", "number", "float", "Disk allocation in GiB");
        t.Bound("postApiV1Buckets", "disk_size", "default", 0.1m);

        t.Object("Api_V1_Entities_Bucket",
            new[]
            {
                "uuid", "name", "label", "state", "visibility", "s3_endpoint", "region_code", "usage_bytes", "quota_bytes",
                "usage_percentage", "object_count", "created_at", "updated_at", "miget",
            },
            "uuid", "name", "label", "state", "visibility", "s3_endpoint", "region_code", "usage_bytes", "quota_bytes",
            "usage_percentage", "object_count", "created_at", "updated_at", "miget", "public_endpoint", "policy", "acl");
        t.Row(FactTable.Schema("Api_V1_Entities_Bucket"), "description", "Api_V1_Entities_Bucket model");
        t.Field("Api_V1_Entities_Bucket", "uuid", "string", null, "Unique bucket identifier");
        t.Field("Api_V1_Entities_Bucket", "name", "string", null, "Bucket name (used in S3 operations)");
        t.Field("Api_V1_Entities_Bucket", "label", "string", null, "Display label");
        t.Field("Api_V1_Entities_Bucket", "state", "string", null, "Current state (pending, active, failed, blocked)");
        t.Field("Api_V1_Entities_Bucket", "visibility", "string", null, "Access visibility (public_access, private_access)");
        t.Field("Api_V1_Entities_Bucket", "s3_endpoint", "string", null, "S3 endpoint URL");
        t.Field("Api_V1_Entities_Bucket", "region_code", "string", null, "Region code where bucket is located");
        t.Field("Api_V1_Entities_Bucket", "usage_bytes", "integer", "int32", "Current storage usage in bytes");
        t.Field("Api_V1_Entities_Bucket", "quota_bytes", "integer", "int32", "Storage quota in bytes");
        t.Field("Api_V1_Entities_Bucket", "usage_percentage", "number", "float", "Storage usage percentage");
        t.Field("Api_V1_Entities_Bucket", "object_count", "integer", "int32", "Total number of objects in bucket");
        t.Field("Api_V1_Entities_Bucket", "created_at", "string", "date-time", "Creation timestamp");
        t.Field("Api_V1_Entities_Bucket", "updated_at", "string", "date-time", "Last update timestamp");
        t.RefField("Api_V1_Entities_Bucket", "miget", "Api_V1_Entities_Resource");
        t.Field("Api_V1_Entities_Bucket", "public_endpoint", "string", null, "Public HTTPS endpoint (only for public buckets)");
        t.Field("Api_V1_Entities_Bucket", "policy", "string", null, "S3-compatible bucket policy (JSON string)");
        t.Field("Api_V1_Entities_Bucket", "acl", "string", null, "S3-compatible access control list (JSON string)");

        // The nested `miget` object, known only from the sample response: no required list, no formats.
        t.Object("Api_V1_Entities_Resource", System.Array.Empty<string>(),
            "uuid", "name", "state", "labels", "total_disk_size", "total_ram_size", "total_cpu_size",
            "total_used_disk_size", "total_used_ram_size", "total_used_cpu_size", "available_cpu_size",
            "available_disk_size", "available_ram_size", "created_at", "updated_at", "plan", "components");
        t.Row(FactTable.Schema("Api_V1_Entities_Resource"), "description", "Api_V1_Entities_Resource model");
        t.Field("Api_V1_Entities_Resource", "uuid", "string");
        t.Field("Api_V1_Entities_Resource", "name", "string");
        t.Field("Api_V1_Entities_Resource", "state", "string");
        t.ArrayField("Api_V1_Entities_Resource", "labels", itemType: "string");
        foreach (var size in new[]
                 {
                     "total_disk_size", "total_ram_size", "total_cpu_size", "total_used_disk_size", "total_used_ram_size",
                     "total_used_cpu_size", "available_cpu_size", "available_disk_size", "available_ram_size",
                 })
        {
            t.Field("Api_V1_Entities_Resource", size, "number", "float"); // the sample shows numbers; float like the request sizes (ours)
        }

        t.Field("Api_V1_Entities_Resource", "created_at", "string", "date-time");
        t.Field("Api_V1_Entities_Resource", "updated_at", "string", "date-time");
        t.RefField("Api_V1_Entities_Resource", "plan", "Api_V1_Entities_Plan");
        t.ArrayField("Api_V1_Entities_Resource", "components", itemRef: "Api_V1_Entities_Component");

        t.Object("Api_V1_Entities_Plan", System.Array.Empty<string>(),
            "name", "code_name", "description", "ram_size", "disk_size", "cpu_size", "unit_price");
        t.Field("Api_V1_Entities_Plan", "name", "string");
        t.Field("Api_V1_Entities_Plan", "code_name", "string");
        t.Field("Api_V1_Entities_Plan", "description", "string");
        t.Field("Api_V1_Entities_Plan", "ram_size", "number", "float");
        t.Field("Api_V1_Entities_Plan", "disk_size", "number", "float");
        t.Field("Api_V1_Entities_Plan", "cpu_size", "number", "float");
        t.Field("Api_V1_Entities_Plan", "unit_price", "number");

        t.Object("Api_V1_Entities_Component", System.Array.Empty<string>(), "name", "code_name", "unit_price");
        t.Field("Api_V1_Entities_Component", "name", "string");
        t.Field("Api_V1_Entities_Component", "code_name", "string");
        t.Field("Api_V1_Entities_Component", "unit_price", "number");

        // Error responses: not in the reference; declared as our assumption, and said so.
        t.Object("ErrorResponse", System.Array.Empty<string>(), "error");
        t.Field("ErrorResponse", "error", "string");
        t.Row(FactTable.Schema("ErrorResponse"), "description", "Our assumption");
        foreach (var path in new[] { Services, Addons, Buckets })
        {
            t.Row(JsonPointer.Path(path, "post", "responses", "401"), "$ref", "#/components/responses/Unauthorized");
            t.Row(JsonPointer.Path(path, "post", "responses", "422"), "$ref", "#/components/responses/UnprocessableEntity");
            t.Row(JsonPointer.Path(path, "post", "responses", "201"), "description", "201 is Grape's default");
        }

        t.Row("#/components/responses/Unauthorized", "description", "Our assumption");
        t.Row("#/components/responses/UnprocessableEntity", "description", "Our assumption");

        return t;
    }
}
