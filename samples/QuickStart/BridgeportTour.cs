using Bridgeport;
using ContractFirst;

namespace QuickStart;

/// <summary>BRIDGEPORT: register a database in an environment, then meet the typed CONFLICT of a duplicate name.</summary>
public sealed class BridgeportTour(BridgeportClient client, Report report)
{
    public const string Environment = "production";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.Section($"BRIDGEPORT (Bearer token, environment '{Environment}')");

        var request = new CreateDatabaseRequest
        {
            Name = "orders",
            Type = "postgres",
            Host = "db.internal",
            Port = 5432,
            DatabaseName = "orders",
            Username = "bridgeport",
            Password = "s3cret-not-returned",
            BackupFormat = CreateDatabaseRequestBackupFormat.Custom,
            BackupCompression = CreateDatabaseRequestBackupCompression.Gzip,
            BackupCompressionLevel = 9,
        };
        var database = await client.CreateDatabaseAsync(Environment, request, cancellationToken);
        report.Step("create database 'orders'", $"{database.Id}: {database.Type} at {database.Host}:{database.Port}, credentials stored: {(database.HasCredentials == true ? "yes" : "no")}, backups {database.BackupFormat}/{database.BackupCompression}");

        try
        {
            await client.CreateDatabaseAsync(Environment, request, cancellationToken);
            throw new InvalidOperationException("The emulator accepted a duplicate database name.");
        }
        catch (ApiException<ErrorEnvelope> e) when (e.StatusCode == 409)
        {
            report.Step("create 'orders' again", $"HTTP 409 {e.Error.Code} on '{e.Error.Field}': {e.Error.Message} (request {e.Error.RequestId})");
        }
    }
}
