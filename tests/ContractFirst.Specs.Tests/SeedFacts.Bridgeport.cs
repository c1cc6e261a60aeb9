using ContractFirst.Specs.Tests.Infrastructure;

namespace ContractFirst.Specs.Tests;

/// <summary>
/// The facts of BRIDGEPORT's "Create a database in an environment" page, with the enums and bounds of
/// BRIDGEPORT's published document, and the success body taken from BRIDGEPORT's server source.
/// </summary>
public static partial class SeedFacts
{
    private const string Databases = "/api/environments/{envId}/databases";

    private static FactTable Bridgeport()
    {
        var t = new FactTable(SpecDocument.Bridgeport);

        t.Row("#/components/securitySchemes/bearerAuth", "type", "http");
        t.Row("#/components/securitySchemes/bearerAuth", "scheme", "bearer");
        t.Exists("#/security/0/bearerAuth");

        t.Operation(Databases, "post", "createDatabase", "Create a database in an environment");
        t.PathParameter(Databases, "post", "envId", null, "ID of the environment");
        t.RequestBody(Databases, "post", "CreateDatabaseRequest");

        // Errors: the four statuses of the page, each with its description, all answering the envelope.
        t.Response(Databases, "post", "400", "ErrorEnvelope", "Bad request — malformed input or failed validation.");
        t.Response(Databases, "post", "401", "ErrorEnvelope", "Unauthorized — missing or invalid bearer token.");
        t.Response(Databases, "post", "403", "ErrorEnvelope", "Forbidden — token scope or role does not permit this operation.");
        t.Response(Databases, "post", "409", "ErrorEnvelope", "Conflict — e.g. a unique constraint violation.");

        // Success: declared by neither document; 201 with the created database, and said to be our assumption.
        t.Response(Databases, "post", "201", "Database", "Our assumption");
        t.Absent(JsonPointer.Path(Databases, "post", "responses", "200"));

        t.Object("CreateDatabaseRequest", new[] { "name", "type" },
            "name", "type", "databaseTypeId", "host", "port", "databaseName", "username", "password", "filePath", "useSsl",
            "serverId", "backupStorageType", "backupLocalPath", "backupSpacesBucket", "backupSpacesPrefix", "backupFormat",
            "backupCompression", "backupCompressionLevel", "pgDumpOptions", "pgDumpTimeoutMs");
        t.Field("CreateDatabaseRequest", "name", "string");
        t.Bound("CreateDatabaseRequest", "name", "minLength", 1);
        t.Field("CreateDatabaseRequest", "type", "string");
        t.Bound("CreateDatabaseRequest", "type", "minLength", 1);
        t.Field("CreateDatabaseRequest", "databaseTypeId", "string");
        t.Field("CreateDatabaseRequest", "host", "string");
        t.Field("CreateDatabaseRequest", "port", "integer", null, "1–65535");
        t.Bound("CreateDatabaseRequest", "port", "minimum", 1); // ours: the TCP port range
        t.Bound("CreateDatabaseRequest", "port", "maximum", 65535);
        t.Field("CreateDatabaseRequest", "databaseName", "string");
        t.Field("CreateDatabaseRequest", "username", "string");
        t.Field("CreateDatabaseRequest", "password", "string", "password"); // ours: format password marks the secret
        t.Field("CreateDatabaseRequest", "filePath", "string");
        t.Field("CreateDatabaseRequest", "useSsl", "boolean");
        t.Field("CreateDatabaseRequest", "serverId", "string");
        t.Field("CreateDatabaseRequest", "backupStorageType", "string");
        t.Enum("CreateDatabaseRequest", "backupStorageType", "local", "spaces");
        t.Bound("CreateDatabaseRequest", "backupStorageType", "default", "local");
        t.Field("CreateDatabaseRequest", "backupLocalPath", "string");
        t.Field("CreateDatabaseRequest", "backupSpacesBucket", "string");
        t.Field("CreateDatabaseRequest", "backupSpacesPrefix", "string");
        t.Field("CreateDatabaseRequest", "backupFormat", "string");
        t.Enum("CreateDatabaseRequest", "backupFormat", "plain", "custom", "tar");
        t.Bound("CreateDatabaseRequest", "backupFormat", "default", "plain");
        t.Field("CreateDatabaseRequest", "backupCompression", "string");
        t.Enum("CreateDatabaseRequest", "backupCompression", "none", "gzip");
        t.Bound("CreateDatabaseRequest", "backupCompression", "default", "none");
        t.Field("CreateDatabaseRequest", "backupCompressionLevel", "integer");
        t.Bound("CreateDatabaseRequest", "backupCompressionLevel", "minimum", 1);
        t.Bound("CreateDatabaseRequest", "backupCompressionLevel", "maximum", 9);
        t.Bound("CreateDatabaseRequest", "backupCompressionLevel", "default", 6);
        t.RefField("CreateDatabaseRequest", "pgDumpOptions", "PgDumpOptions");
        t.Field("CreateDatabaseRequest", "pgDumpTimeoutMs", "integer");
        t.Bound("CreateDatabaseRequest", "pgDumpTimeoutMs", "minimum", 30000);
        t.Bound("CreateDatabaseRequest", "pgDumpTimeoutMs", "maximum", 3600000);
        t.Bound("CreateDatabaseRequest", "pgDumpTimeoutMs", "default", 300000);

        t.Object("PgDumpOptions", System.Array.Empty<string>(), "noOwner", "clean", "ifExists", "schemaOnly", "dataOnly");
        foreach (var option in new[] { "noOwner", "clean", "ifExists", "schemaOnly", "dataOnly" })
        {
            t.Field("PgDumpOptions", option, "boolean");
        }

        // The error envelope.
        t.Object("ErrorEnvelope", new[] { "code", "message" }, "code", "message", "field", "hint", "requestId");
        t.Field("ErrorEnvelope", "code", "string", null, "Stable, machine-readable error code. Always present on the wire.");
        t.Enum("ErrorEnvelope", "code",
            "VALIDATION_ERROR", "READONLY_FIELD", "UNAUTHORIZED", "FORBIDDEN_SCOPE", "FORBIDDEN_ROLE", "NOT_FOUND",
            "CONFLICT", "IDEMPOTENCY_KEY_REUSED", "RATE_LIMITED", "SERVICE_UNAVAILABLE", "INTERNAL");
        t.Field("ErrorEnvelope", "message", "string", null, "Human-readable error message. Always present on the wire.");
        t.Field("ErrorEnvelope", "field", "string", null, "Field name when the error is tied to a specific input (e.g. validation).");
        t.Field("ErrorEnvelope", "hint", "string", null, "Optional, human-friendly hint for resolving the error.");
        t.Field("ErrorEnvelope", "requestId", "string", null, "Server-assigned request ID; quote this when reporting issues.");
        t.Row(FactTable.Schema("ErrorEnvelope", "example"), "code", "READONLY_FIELD");
        t.Row(FactTable.Schema("ErrorEnvelope", "example"), "message", "Field \"exposedPorts\" is read-only and cannot be set via PATCH.");
        t.Row(FactTable.Schema("ErrorEnvelope", "example"), "field", "exposedPorts");
        t.Row(FactTable.Schema("ErrorEnvelope", "example"), "hint",
            "Exposed ports are discovered from the running container. Change the ports mapping in the compose file at composePath and redeploy.");
        t.Row(FactTable.Schema("ErrorEnvelope", "example"), "requestId", "req_01H0…");

        // The success body: the database, with no secret in it.

        t.Object("Database", new[] { "id", "name", "type", "environmentId", "createdAt", "updatedAt" },
            "id", "name", "type", "host", "port", "databaseName", "hasCredentials", "filePath", "useSsl", "serverId",
            "databaseTypeId", "databaseType", "backupStorageType", "backupLocalPath", "backupSpacesBucket",
            "backupSpacesPrefix", "backupFormat", "backupCompression", "backupCompressionLevel", "pgDumpOptions",
            "pgDumpTimeoutMs", "monitoringEnabled", "collectionIntervalSec", "environmentId", "createdAt", "updatedAt");
        t.Row(FactTable.Schema("Database"), "description", "Our assumption");
        t.Absent(FactTable.Property("Database", "password"));
        t.Absent(FactTable.Property("Database", "username"));
        t.Field("Database", "id", "string");
        t.Field("Database", "name", "string");
        t.Field("Database", "type", "string");
        t.Field("Database", "host", "string");
        t.Bound("Database", "host", "nullable", true);
        t.Field("Database", "port", "integer");
        t.Bound("Database", "port", "nullable", true);
        t.Field("Database", "databaseName", "string");
        t.Bound("Database", "databaseName", "nullable", true);
        t.Field("Database", "hasCredentials", "boolean");
        t.Field("Database", "filePath", "string");
        t.Bound("Database", "filePath", "nullable", true);
        t.Field("Database", "useSsl", "boolean");
        t.Field("Database", "serverId", "string");
        t.Bound("Database", "serverId", "nullable", true);
        t.Field("Database", "databaseTypeId", "string");
        t.Bound("Database", "databaseTypeId", "nullable", true);
        t.Field("Database", "databaseType", "object");
        t.Bound("Database", "databaseType", "nullable", true);
        t.Row(FactTable.Property("Database", "databaseType", "allOf", "0"), "$ref", "#/components/schemas/DatabaseTypeInfo");
        t.Field("Database", "backupStorageType", "string");
        t.Enum("Database", "backupStorageType", "local", "spaces");
        t.Field("Database", "backupLocalPath", "string");
        t.Bound("Database", "backupLocalPath", "nullable", true);
        t.Field("Database", "backupSpacesBucket", "string");
        t.Bound("Database", "backupSpacesBucket", "nullable", true);
        t.Field("Database", "backupSpacesPrefix", "string");
        t.Bound("Database", "backupSpacesPrefix", "nullable", true);
        t.Field("Database", "backupFormat", "string");
        t.Enum("Database", "backupFormat", "plain", "custom", "tar");
        t.Field("Database", "backupCompression", "string");
        t.Enum("Database", "backupCompression", "none", "gzip");
        t.Field("Database", "backupCompressionLevel", "integer");
        t.Field("Database", "pgDumpOptions", "object");
        t.Bound("Database", "pgDumpOptions", "nullable", true);
        t.Row(FactTable.Property("Database", "pgDumpOptions", "allOf", "0"), "$ref", "#/components/schemas/PgDumpOptions");
        t.Field("Database", "pgDumpTimeoutMs", "integer");
        t.Field("Database", "monitoringEnabled", "boolean");
        t.Field("Database", "collectionIntervalSec", "integer");
        t.Field("Database", "environmentId", "string");
        t.Field("Database", "createdAt", "string", "date-time");
        t.Field("Database", "updatedAt", "string", "date-time");

        t.Object("DatabaseTypeInfo", System.Array.Empty<string>(), "id", "name", "displayName", "hasBackupCommand");
        t.Field("DatabaseTypeInfo", "id", "string");
        t.Field("DatabaseTypeInfo", "name", "string");
        t.Field("DatabaseTypeInfo", "displayName", "string");
        t.Field("DatabaseTypeInfo", "hasBackupCommand", "boolean");

        return t;
    }
}
