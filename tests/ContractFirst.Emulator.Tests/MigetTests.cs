using ContractFirst.Emulator.Tests.Infrastructure;
using Miget;

namespace ContractFirst.Emulator.Tests;

/// <summary>Miget through the generated client: services, add-ons with connection variables, buckets, and 422 rules.</summary>
public sealed class MigetTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly MigetClient _client = fixture.Host.Miget();
    private readonly string _app = Guid.NewGuid().ToString();

    [Fact]
    public async Task Creates_a_service()
    {
        var service = await _client.CreateServiceAsync(new PostApiV1Services { ServiceType = PostApiV1ServicesServiceType.Postgres, ProjectId = 7, MigetId = 42, Label = "Orders DB" });

        Assert.True(Guid.TryParse(service.Uuid, out _));
        Assert.StartsWith("orders-db-", service.Name);
        Assert.Equal("Orders DB", service.Label);
        Assert.Equal("postgres", service.ServiceType);
        Assert.Equal("7", service.ProjectId);
        Assert.Equal("42", service.MigetId);
        Assert.Equal(service.CreatedAt, service.UpdatedAt);
    }

    [Fact]
    public async Task Creates_an_addon_with_connection_variables_and_refuses_a_duplicate_name()
    {
        var addon = await _client.CreateAddonAsync(_app, new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Postgres, Name = "main-db", DiskSize = 2 });

        Assert.Equal("main-db", addon.Name);
        Assert.Equal("postgres", addon.Type);
        Assert.Equal(2, addon.Quota["disk_size"].GetDouble());
        Assert.Equal("16", addon.Settings["version"].GetString());
        Assert.StartsWith("postgres://main_db:", addon.Var["DATABASE_URL"]);
        Assert.Equal(addon.Var["DATABASE_URL"], addon.Var["MAIN_DB_URL"]);
        Assert.Equal("5432", addon.Var["MAIN_DB_PORT"]);

        var cache = await _client.CreateAddonAsync(_app, new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Valkey, Name = "cache" });
        Assert.StartsWith("redis://", cache.Var["REDIS_URL"]);

        var duplicate = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() =>
            _client.CreateAddonAsync(_app, new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Mysql, Name = "main-db" }));
        Assert.Equal(422, duplicate.StatusCode);
        Assert.Equal("name has already been taken", duplicate.Error.Error);

        // Another application has its own names.
        Assert.Equal("main-db", (await _client.CreateAddonAsync(Guid.NewGuid().ToString(), new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Postgres, Name = "main-db" })).Name);
    }

    [Fact]
    public async Task Fields_of_another_type_are_a_422()
    {
        var e = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() =>
            _client.CreateAddonAsync(_app, new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Storage, Name = "files", PostgresVersion = "16" }));
        Assert.Equal(422, e.StatusCode);
        Assert.Contains("postgres_version", e.Error.Error);
    }

    [Fact]
    public async Task Creates_a_bucket_with_quota_and_usage()
    {
        var bucket = await _client.CreateBucketAsync(new PostApiV1Buckets { Label = "Invoices", MigetId = 42, DiskSize = 1, Visibility = PostApiV1BucketsVisibility.PublicAccess });

        Assert.StartsWith("invoices-", bucket.Name);
        Assert.Equal("public_access", bucket.Visibility);
        Assert.Equal(1 << 30, bucket.QuotaBytes);
        Assert.Equal(0, bucket.UsageBytes);
        Assert.Equal(0, bucket.UsagePercentage);
        Assert.Equal(0, bucket.ObjectCount);
        Assert.NotNull(bucket.PublicEndpoint);
        Assert.Equal("miget-42", bucket.Miget.Name);

        var small = await _client.CreateBucketAsync(new PostApiV1Buckets { Label = "Logs", MigetId = 42 });
        Assert.Equal("private_access", small.Visibility);
        Assert.Equal(107_374_182, small.QuotaBytes); // the spec's default disk_size, 0.1 GiB
        Assert.Null(small.PublicEndpoint);
        Assert.Equal(bucket.Miget.Uuid, small.Miget.Uuid);
    }
}
