using ContractFirst.Emulator.Contracts.Miget;
using ContractFirst.Emulator.Storage;
using Microsoft.Data.Sqlite;

namespace ContractFirst.Emulator.Miget;

/// <summary>Miget services, add-ons and buckets, namespaced by (tenant, workspace) and, for add-ons, the application.</summary>
public sealed class MigetStore(EmulatorDatabase database)
{
    public Task InsertServiceAsync(string tenant, string workspace, ApiV1EntitiesService service) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command(
                "INSERT INTO miget_services (tenant, workspace, id, document) VALUES ($tenant, $workspace, $id, $document)",
                transaction,
                ("$tenant", tenant), ("$workspace", workspace), ("$id", service.Uuid),
                ("$document", SqliteExtensions.Serialize(service, MigetClientJson.TypeInfo<ApiV1EntitiesService>())));
            return await command.ExecuteNonQueryAsync();
        });

    /// <summary>Stores the add-on, or answers false when the application already has one of that name.</summary>
    public Task<bool> TryInsertAddonAsync(string tenant, string workspace, string appUuid, ApiV1EntitiesAddon addon) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command(
                "INSERT INTO miget_addons (tenant, workspace, app_uuid, id, name, document) VALUES ($tenant, $workspace, $app, $id, $name, $document)",
                transaction,
                ("$tenant", tenant), ("$workspace", workspace), ("$app", appUuid), ("$id", addon.Uuid), ("$name", addon.Name),
                ("$document", SqliteExtensions.Serialize(addon, MigetClientJson.TypeInfo<ApiV1EntitiesAddon>())));
            try
            {
                await command.ExecuteNonQueryAsync();
                return true;
            }
            catch (SqliteException e) when (e.IsConstraintViolation())
            {
                return false;
            }
        });

    public Task InsertBucketAsync(string tenant, string workspace, ApiV1EntitiesBucket bucket) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command(
                "INSERT INTO miget_buckets (tenant, workspace, id, name, document) VALUES ($tenant, $workspace, $id, $name, $document)",
                transaction,
                ("$tenant", tenant), ("$workspace", workspace), ("$id", bucket.Uuid), ("$name", bucket.Name),
                ("$document", SqliteExtensions.Serialize(bucket, MigetClientJson.TypeInfo<ApiV1EntitiesBucket>())));
            return await command.ExecuteNonQueryAsync();
        });
}
