using ContractFirst.Emulator.Contracts.Bridgeport;
using ContractFirst.Emulator.Storage;

namespace ContractFirst.Emulator.Bridgeport;

/// <summary>
/// What BRIDGEPORT stores for a new database (its defaults, no secrets: credentials show only as <c>hasCredentials</c>)
/// and the rules of the request that the schema cannot say.
/// </summary>
public static class DatabaseRules
{
    /// <summary>The database type plugins the emulator knows, by name.</summary>
    public static IReadOnlyList<DatabaseTypeInfo> KnownTypes { get; } =
    [
        new() { Id = "dbt_postgres", Name = "postgres", DisplayName = "PostgreSQL", HasBackupCommand = true },
        new() { Id = "dbt_mysql", Name = "mysql", DisplayName = "MySQL", HasBackupCommand = true },
        new() { Id = "dbt_sqlite", Name = "sqlite", DisplayName = "SQLite", HasBackupCommand = true },
    ];

    /// <summary>The first rule that <paramref name="body"/> breaks, as (field, message), or null.</summary>
    public static (string Field, string Message)? Check(CreateDatabaseRequest body)
    {
        if (string.IsNullOrWhiteSpace(body.Name)) return ("name", "name must not be blank.");
        if (body.DatabaseTypeId is { } typeId && KnownTypes.All(t => t.Id != typeId))
        {
            return ("databaseTypeId", $"Unknown database type id '{typeId}'; known: {string.Join(", ", KnownTypes.Select(t => t.Id))}.");
        }

        if (body.Type == "sqlite" && string.IsNullOrEmpty(body.FilePath)) return ("filePath", "filePath is required for a SQLite database.");
        if (body.BackupStorageType == CreateDatabaseRequestBackupStorageType.Spaces && string.IsNullOrEmpty(body.BackupSpacesBucket))
        {
            return ("backupSpacesBucket", "backupSpacesBucket is required when backupStorageType is 'spaces'.");
        }

        if (body.PgDumpOptions is { SchemaOnly: true, DataOnly: true })
        {
            return ("pgDumpOptions.dataOnly", "pgDumpOptions.schemaOnly and pgDumpOptions.dataOnly cannot both be set.");
        }

        return null;
    }

    public static Database NewDatabase(string envId, CreateDatabaseRequest body, DateTimeOffset now)
    {
        var type = body.DatabaseTypeId is { } id ? KnownTypes.First(t => t.Id == id) : KnownTypes.FirstOrDefault(t => t.Name == body.Type);
        var spaces = body.BackupStorageType == CreateDatabaseRequestBackupStorageType.Spaces;
        return new Database
        {
            Id = "c" + Names.Suffix(24),
            Name = body.Name,
            Type = body.Type,
            Host = body.Host,
            Port = body.Port,
            DatabaseName = body.DatabaseName,
            HasCredentials = body.Username is not null || body.Password is not null,
            FilePath = body.FilePath,
            UseSsl = body.UseSsl ?? false,
            ServerId = body.ServerId,
            DatabaseTypeId = type?.Id,
            DatabaseType = type,
            BackupStorageType = body.BackupStorageType?.ToString() ?? "local",
            BackupLocalPath = spaces ? null : body.BackupLocalPath,
            BackupSpacesBucket = spaces ? body.BackupSpacesBucket : null,
            BackupSpacesPrefix = spaces ? body.BackupSpacesPrefix ?? $"{envId}/{Names.Slug(body.Name, "database")}/" : null,
            BackupFormat = body.BackupFormat?.ToString() ?? "plain",
            BackupCompression = body.BackupCompression?.ToString() ?? "none",
            BackupCompressionLevel = body.BackupCompressionLevel ?? 6,
            PgDumpOptions = body.PgDumpOptions,
            PgDumpTimeoutMs = body.PgDumpTimeoutMs ?? 300_000,
            MonitoringEnabled = false,
            CollectionIntervalSec = 300,
            EnvironmentId = envId,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
