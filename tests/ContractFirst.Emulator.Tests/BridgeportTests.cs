using Bridgeport;
using ContractFirst.Emulator.Tests.Infrastructure;

namespace ContractFirst.Emulator.Tests;

/// <summary>BRIDGEPORT through the generated client: databases, defaults, and the ErrorEnvelope of every error.</summary>
public sealed class BridgeportTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly BridgeportClient _client = fixture.Host.Bridgeport();
    private readonly string _env = "env-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Creates_a_database_without_returning_its_secrets()
    {
        var database = await _client.CreateDatabaseAsync(_env, new CreateDatabaseRequest { Name = "orders", Type = "postgres", Host = "db", Port = 5432, Username = "u", Password = "p" });

        Assert.StartsWith("c", database.Id);
        Assert.Equal("orders", database.Name);
        Assert.Equal(_env, database.EnvironmentId);
        Assert.Equal(5432, database.Port);
        Assert.True(database.HasCredentials);
        Assert.Equal("dbt_postgres", database.DatabaseTypeId);
        Assert.Equal("local", database.BackupStorageType.ToString());
        Assert.Equal(6, database.BackupCompressionLevel);
        Assert.Equal(300_000, database.PgDumpTimeoutMs);
        Assert.DoesNotContain("\"p\"", System.Text.Json.JsonSerializer.Serialize(database, BridgeportClientJson.Options));
    }

    [Fact]
    public async Task A_duplicate_name_in_one_environment_is_a_CONFLICT()
    {
        await _client.CreateDatabaseAsync(_env, new CreateDatabaseRequest { Name = "orders", Type = "postgres" });

        var e = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => _client.CreateDatabaseAsync(_env, new CreateDatabaseRequest { Name = "orders", Type = "mysql" }));
        Assert.Equal(409, e.StatusCode);
        Assert.Equal("CONFLICT", e.Error.Code.ToString());
        Assert.Equal("name", e.Error.Field);
        Assert.StartsWith("req_", e.Error.RequestId);

        // The same name in another environment is fine.
        Assert.Equal("orders", (await _client.CreateDatabaseAsync(_env + "-2", new CreateDatabaseRequest { Name = "orders", Type = "postgres" })).Name);
    }

    [Fact]
    public async Task Bad_input_is_a_VALIDATION_ERROR_naming_the_field()
    {
        var unchecked_ = fixture.Host.Bridgeport(Tenant.A, validate: false);

#pragma warning disable CF1003 // deliberately out of range
        var schema = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => unchecked_.CreateDatabaseAsync(_env, new CreateDatabaseRequest { Name = "db", Type = "postgres", Port = 70000 }));
#pragma warning restore CF1003
        Assert.Equal(400, schema.StatusCode);
        Assert.Equal("VALIDATION_ERROR", schema.Error.Code.ToString());
        Assert.Equal("port", schema.Error.Field);
        Assert.StartsWith("req_", schema.Error.RequestId);

        var rule = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => _client.CreateDatabaseAsync(_env, new CreateDatabaseRequest { Name = "db", Type = "postgres", BackupStorageType = CreateDatabaseRequestBackupStorageType.Spaces }));
        Assert.Equal(400, rule.StatusCode);
        Assert.Equal("VALIDATION_ERROR", rule.Error.Code.ToString());
        Assert.Equal("backupSpacesBucket", rule.Error.Field);
        Assert.NotNull(rule.Error.RequestId);
    }
}
