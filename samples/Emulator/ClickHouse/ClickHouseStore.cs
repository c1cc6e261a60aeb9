using ContractFirst.Emulator.Contracts.ClickHouse;
using ContractFirst.Emulator.Storage;
using Microsoft.Data.Sqlite;

namespace ContractFirst.Emulator.ClickHouse;

/// <summary>A stored service: the API document plus what the API never shows (the state's timestamp, the password hash).</summary>
/// <param name="Service">The document. Its <c>state</c> is the stored one; <see cref="ServiceLifecycle"/> tells the observed one.</param>
/// <param name="State">The stored state, possibly transitional (<c>provisioning</c>, <c>starting</c>, <c>stopping</c>).</param>
/// <param name="StateSince">When <paramref name="State"/> was entered.</param>
/// <param name="PasswordHash">base64(SHA-256(password)), as the API's <c>newPasswordHash</c>.</param>
public sealed record ServiceRecord(Service Service, ServiceState State, DateTimeOffset StateSince, string PasswordHash)
{
    public Guid Id => Service.Id ?? throw new InvalidDataException("A stored service has no id.");
}

/// <summary>ClickHouse Cloud services and backups, namespaced by (tenant, organizationId).</summary>
public sealed class ClickHouseStore(EmulatorDatabase database)
{
    public Task<T> ReadAsync<T>(Func<Session, Task<T>> read) => database.ReadAsync(connection => read(new Session(connection, null)));

    /// <summary>One transaction: what <paramref name="write"/> reads and changes is consistent and all-or-nothing.</summary>
    public Task<T> WriteAsync<T>(Func<Session, Task<T>> write) =>
        database.WriteAsync((connection, transaction) => write(new Session(connection, transaction)));

    /// <summary>The operations on one connection (and, for writes, one transaction).</summary>
    public sealed class Session(SqliteConnection connection, SqliteTransaction? transaction)
    {
        private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<Service> ServiceJson = ClickHouseCloudClientJson.TypeInfo<Service>();
        private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<Backup> BackupJson = ClickHouseCloudClientJson.TypeInfo<Backup>();

        public async Task<List<ServiceRecord>> ListServicesAsync(string tenant, Guid organizationId)
        {
            await using var command = connection.Command(
                "SELECT document, state, state_since, password_hash FROM clickhouse_services WHERE tenant = $tenant AND organization_id = $org ORDER BY rowid",
                transaction, ("$tenant", tenant), ("$org", Key(organizationId)));
            return await ReadServicesAsync(command);
        }

        public async Task<ServiceRecord?> FindServiceAsync(string tenant, Guid organizationId, Guid serviceId)
        {
            await using var command = connection.Command(
                "SELECT document, state, state_since, password_hash FROM clickhouse_services WHERE tenant = $tenant AND organization_id = $org AND id = $id",
                transaction, ("$tenant", tenant), ("$org", Key(organizationId)), ("$id", Key(serviceId)));
            return (await ReadServicesAsync(command)).SingleOrDefault();
        }

        public async Task InsertServiceAsync(string tenant, Guid organizationId, ServiceRecord record)
        {
            await using var command = connection.Command(
                """
                INSERT INTO clickhouse_services (tenant, organization_id, id, state, state_since, password_hash, document)
                VALUES ($tenant, $org, $id, $state, $since, $hash, $document)
                """,
                transaction, [("$tenant", tenant), ("$org", Key(organizationId)), .. Columns(record)]);
            await command.ExecuteNonQueryAsync();
        }

        public async Task UpdateServiceAsync(string tenant, Guid organizationId, ServiceRecord record)
        {
            await using var command = connection.Command(
                """
                UPDATE clickhouse_services SET state = $state, state_since = $since, password_hash = $hash, document = $document
                WHERE tenant = $tenant AND organization_id = $org AND id = $id
                """,
                transaction, [("$tenant", tenant), ("$org", Key(organizationId)), .. Columns(record)]);
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>Deletes the service and its backups.</summary>
        public async Task DeleteServiceAsync(string tenant, Guid organizationId, Guid serviceId)
        {
            await using var command = connection.Command(
                """
                DELETE FROM clickhouse_backups WHERE tenant = $tenant AND organization_id = $org AND service_id = $id;
                DELETE FROM clickhouse_services WHERE tenant = $tenant AND organization_id = $org AND id = $id;
                """,
                transaction, ("$tenant", tenant), ("$org", Key(organizationId)), ("$id", Key(serviceId)));
            await command.ExecuteNonQueryAsync();
        }

        public async Task InsertBackupAsync(string tenant, Guid organizationId, Guid serviceId, Backup backup)
        {
            await using var command = connection.Command(
                "INSERT INTO clickhouse_backups (tenant, organization_id, service_id, id, document) VALUES ($tenant, $org, $service, $id, $document)",
                transaction,
                ("$tenant", tenant), ("$org", Key(organizationId)), ("$service", Key(serviceId)), ("$id", Key(backup.Id!.Value)),
                ("$document", SqliteExtensions.Serialize(backup, BackupJson)));
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>The service's backups, the most recent first.</summary>
        public async Task<List<Backup>> ListBackupsAsync(string tenant, Guid organizationId, Guid serviceId)
        {
            await using var command = connection.Command(
                "SELECT document FROM clickhouse_backups WHERE tenant = $tenant AND organization_id = $org AND service_id = $service ORDER BY seq DESC",
                transaction, ("$tenant", tenant), ("$org", Key(organizationId)), ("$service", Key(serviceId)));
            return await command.ReadDocumentsAsync(BackupJson);
        }

        /// <summary>A backup of the organization, of any service (<paramref name="serviceId"/> null) or of that one.</summary>
        public async Task<Backup?> FindBackupAsync(string tenant, Guid organizationId, Guid? serviceId, Guid backupId)
        {
            await using var command = connection.Command(
                "SELECT document FROM clickhouse_backups WHERE tenant = $tenant AND organization_id = $org AND id = $id AND ($service IS NULL OR service_id = $service)",
                transaction,
                ("$tenant", tenant), ("$org", Key(organizationId)), ("$id", Key(backupId)), ("$service", serviceId is { } s ? Key(s) : null));
            return (await command.ReadDocumentsAsync(BackupJson)).SingleOrDefault();
        }

        private static string Key(Guid id) => id.ToString("D");

        private static (string, object?)[] Columns(ServiceRecord record) =>
        [
            ("$id", Key(record.Id)),
            ("$state", record.State.ToString()),
            ("$since", record.StateSince.ToUnixTimeMilliseconds()),
            ("$hash", record.PasswordHash),
            ("$document", SqliteExtensions.Serialize(record.Service, ServiceJson)),
        ];

        private static async Task<List<ServiceRecord>> ReadServicesAsync(SqliteCommand command)
        {
            var records = new List<ServiceRecord>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                records.Add(new ServiceRecord(
                    SqliteExtensions.Deserialize(reader.GetString(0), ServiceJson),
                    reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    reader.GetString(3)));
            }

            return records;
        }
    }
}
