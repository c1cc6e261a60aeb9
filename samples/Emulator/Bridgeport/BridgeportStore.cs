using ContractFirst.Emulator.Contracts.Bridgeport;
using ContractFirst.Emulator.Storage;
using Microsoft.Data.Sqlite;

namespace ContractFirst.Emulator.Bridgeport;

/// <summary>BRIDGEPORT databases, namespaced by (tenant, environment); a name is unique in its environment.</summary>
public sealed class BridgeportStore(EmulatorDatabase database)
{
    /// <summary>Stores the database, or answers false when its environment already has one of that name.</summary>
    public Task<bool> TryInsertAsync(string tenant, Database value) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command(
                "INSERT INTO bridgeport_databases (tenant, env_id, id, name, document) VALUES ($tenant, $env, $id, $name, $document)",
                transaction,
                ("$tenant", tenant), ("$env", value.EnvironmentId), ("$id", value.Id), ("$name", value.Name),
                ("$document", SqliteExtensions.Serialize(value, BridgeportClientJson.TypeInfo<Database>())));
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

    /// <summary>The databases of an environment, oldest first (the API has no list operation; tests and tools use this).</summary>
    public Task<List<Database>> ListAsync(string tenant, string envId) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command(
                "SELECT document FROM bridgeport_databases WHERE tenant = $tenant AND env_id = $env ORDER BY rowid",
                ("$tenant", tenant), ("$env", envId));
            return await command.ReadDocumentsAsync(BridgeportClientJson.TypeInfo<Database>());
        });
}
