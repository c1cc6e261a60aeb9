using Miget;

namespace QuickStart;

/// <summary>Miget: a PostgreSQL service, a database add-on for an application (with its connection variables) and a bucket.</summary>
public sealed class MigetTour(MigetClient client, Report report)
{
    public const string Workspace = "quickstart";
    public const string AppUuid = "5f0c2a9e-8d7b-4c61-9e3a-1b2c3d4e5f60";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.Section($"Miget (Bearer token, workspace '{Workspace}')");

        var service = await client.CreateServiceAsync(new PostApiV1Services
        {
            ServiceType = PostApiV1ServicesServiceType.Postgres,
            ProjectId = 7,
            MigetId = 42,
            Label = "Orders DB",
            PostgresVersion = "16",
            RamSize = 256,
            DiskSize = 5,
            CpuSize = 0.5f,
        }, cancellationToken: cancellationToken);
        report.Step("create a postgres service", $"'{service.Name}' ({service.Uuid}) on resource {service.MigetId}");

        var addon = await client.CreateAddonAsync(AppUuid, new PostApiV1AppsUuidAddons
        {
            Type = PostApiV1AppsUuidAddonsType.Postgres,
            Name = "orders-db",
            Label = "Orders",
            DiskSize = 2,
        }, cancellationToken: cancellationToken);
        report.Step("add a postgres add-on to the app", $"'{addon.Name}' {addon.State}, variables: {string.Join(", ", addon.Var.Keys)}");
        report.Step("  its DATABASE_URL", Redact(addon.Var["DATABASE_URL"], addon.Var["ORDERS_DB_PASSWORD"]));

        var bucket = await client.CreateBucketAsync(new PostApiV1Buckets
        {
            Label = "Invoices",
            MigetId = 42,
            Visibility = PostApiV1BucketsVisibility.PrivateAccess,
            DiskSize = 0.5f,
        }, cancellationToken: cancellationToken);
        report.Step("create a bucket", $"'{bucket.Name}' {bucket.State}, {bucket.UsageBytes} of {bucket.QuotaBytes:N0} bytes used ({bucket.UsagePercentage}%), {bucket.S3Endpoint}");
    }

    private static string Redact(string url, string password) => url.Replace(password, "********", StringComparison.Ordinal);
}
