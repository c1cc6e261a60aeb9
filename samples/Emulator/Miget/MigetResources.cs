using System.Globalization;
using ContractFirst.Emulator.Contracts.Miget;
using ContractFirst.Emulator.Storage;

namespace ContractFirst.Emulator.Miget;

/// <summary>
/// What Miget answers for a new service, add-on or bucket, and the rules of the requests that the schema cannot say
/// (which fields belong to which type, positive sizes, unique add-on names). Violations read like Grape's messages.
/// </summary>
public static class MigetResources
{
    public const string RegionCode = "eu-east-1";
    public const long BytesPerGiB = 1L << 30;

    private const string InternalDomain = "svc.miget.internal";

    public static ApiV1EntitiesService NewService(PostApiV1Services body, DateTimeOffset now)
    {
        var type = body.ServiceType.ToString();
        return new ApiV1EntitiesService
        {
            Uuid = Guid.NewGuid().ToString("D"),
            Name = $"{Names.Slug(body.Label, type)}-{Names.Suffix()}",
            Label = body.Label,
            ServiceType = type,
            ProjectId = body.ProjectId.ToString(CultureInfo.InvariantCulture),
            MigetId = body.MigetId.ToString(CultureInfo.InvariantCulture),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static string? CheckService(PostApiV1Services body)
    {
        var postgres = body.ServiceType == PostApiV1ServicesServiceType.Postgres;
        return FirstOf(
            Blank("label", body.Label),
            Positive("ram_size", body.RamSize), Positive("disk_size", body.DiskSize), Positive("cpu_size", body.CpuSize),
            OnlyFor("postgres_version", body.PostgresVersion is not null, postgres, "postgres"),
            OnlyFor("public_access", body.PublicAccess is not null, postgres, "postgres"),
            OnlyFor("mount_point", body.MountPoint is not null, !postgres, "shared_storage"),
            OnlyFor("storage_access", body.StorageAccess is not null, !postgres, "shared_storage"));
    }

    public static ApiV1EntitiesAddon NewAddon(string appUuid, PostApiV1AppsUuidAddons body, DateTimeOffset now)
    {
        var type = body.Type.ToString();
        var storage = body.Type == PostApiV1AppsUuidAddonsType.Storage;
        return new ApiV1EntitiesAddon
        {
            Uuid = Guid.NewGuid().ToString("D"),
            Name = body.Name,
            Type = type,
            Label = body.Label ?? body.Name,
            State = "provisioning",
            Quota = new JsonBag()
                .Add("ram_size", storage ? null : body.RamSize ?? 128)
                .Add("cpu_size", storage ? null : body.CpuSize ?? 0.25)
                .Add("disk_size", body.DiskSize ?? 1)
                .ToDictionary(),
            Settings = new JsonBag()
                .Add("version", body.PostgresVersion ?? body.MysqlVersion ?? body.ValkeyVersion ?? DefaultVersion(body.Type))
                .Add("public_access", body.PublicAccess?.ToString())
                .Add("mount_point", storage ? body.MountPoint ?? "/data" : null)
                .Add("storage_access", storage ? body.StorageAccess?.ToString() ?? "RWO" : null)
                .Add("service_id", body.ServiceId)
                .ToDictionary(),
            Var = ConnectionVariables(appUuid, body),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static string? CheckAddon(PostApiV1AppsUuidAddons body)
    {
        var type = body.Type;
        return FirstOf(
            body.Name.Length == 0 || !char.IsAsciiLetterLower(body.Name[0]) || !body.Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')
                ? "name must start with a lower-case letter and contain only a-z, 0-9, '-' and '_'"
                : null,
            Positive("ram_size", body.RamSize), Positive("disk_size", body.DiskSize), Positive("cpu_size", body.CpuSize),
            OnlyFor("postgres_version", body.PostgresVersion is not null, type == PostApiV1AppsUuidAddonsType.Postgres, "postgres"),
            OnlyFor("mysql_version", body.MysqlVersion is not null, type == PostApiV1AppsUuidAddonsType.Mysql, "mysql"),
            OnlyFor("valkey_version", body.ValkeyVersion is not null, type == PostApiV1AppsUuidAddonsType.Valkey, "valkey"),
            OnlyFor("mount_point", body.MountPoint is not null, type == PostApiV1AppsUuidAddonsType.Storage, "storage"),
            OnlyFor("storage_access", body.StorageAccess is not null, type == PostApiV1AppsUuidAddonsType.Storage, "storage"),
            OnlyFor("service_id", body.ServiceId is not null, type == PostApiV1AppsUuidAddonsType.Storage, "storage"));
    }

    public static ApiV1EntitiesBucket NewBucket(string tenant, PostApiV1Buckets body, DateTimeOffset now)
    {
        var name = $"{Names.Slug(body.Label, "bucket")}-{Names.Suffix(8)}";
        var visibility = (body.Visibility ?? PostApiV1BucketsVisibility.PrivateAccess).ToString();
        var resource = body.MigetId.ToString(CultureInfo.InvariantCulture);
        var bucket = new ApiV1EntitiesBucket
        {
            Uuid = Guid.NewGuid().ToString("D"),
            Name = name,
            Label = body.Label,
            State = "active",
            Visibility = visibility,
            S3Endpoint = $"https://s3.{RegionCode}.miget.emulator",
            RegionCode = RegionCode,
            UsageBytes = 0,
            QuotaBytes = (int)QuotaBytes(body),
            UsagePercentage = 0,
            ObjectCount = 0,
            CreatedAt = now,
            UpdatedAt = now,
            Miget = new ApiV1EntitiesResource
            {
                Uuid = Names.StableGuid(tenant, "miget", resource).ToString("D"),
                Name = "miget-" + resource,
                State = "running",
                Labels = [],
            },
        };

        // public_endpoint is not nullable: it is absent, not null, for a private bucket.
        if (visibility == PostApiV1BucketsVisibility.PublicAccess.ToString()) bucket.PublicEndpoint = $"https://{name}.s3.{RegionCode}.miget.emulator";
        return bucket;
    }

    public static string? CheckBucket(PostApiV1Buckets body) => FirstOf(
        Blank("label", body.Label),
        Positive("disk_size", body.DiskSize),
        QuotaBytes(body) > int.MaxValue
            ? "disk_size is too large: this API reports quota_bytes as a 32-bit integer (at most 1.99 GiB)"
            : null);

    /// <summary>The bucket's quota: <c>disk_size</c> GiB, 0.1 GiB by default (the spec's default).</summary>
    private static long QuotaBytes(PostApiV1Buckets body) => (long)Math.Round((decimal)(body.DiskSize ?? 0.1f) * BytesPerGiB);

    /// <summary>The add-on's connection variables, e.g. <c>DATABASE_URL</c> and <c>{NAME}_URL</c> for a database.</summary>
    private static IDictionary<string, string> ConnectionVariables(string appUuid, PostApiV1AppsUuidAddons body)
    {
        var prefix = Names.EnvironmentPrefix(body.Name);
        var host = $"{body.Name}.{Names.Slug(appUuid, "app")}.{InternalDomain}";
        var user = body.Name.Replace('-', '_');
        var password = Names.Suffix(24);
        var type = body.Type.ToString();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);

        (string Scheme, int Port, string? Alias)? server = type switch
        {
            "postgres" => ("postgres", 5432, "DATABASE_URL"),
            "mysql" => ("mysql", 3306, "DATABASE_URL"),
            "valkey" => ("redis", 6379, "REDIS_URL"),
            _ => null,
        };
        if (server is { } s)
        {
            var database = type == "valkey" ? "0" : user;
            var url = $"{s.Scheme}://{user}:{password}@{host}:{s.Port}/{database}";
            variables[prefix + "_URL"] = url;
            if (s.Alias is not null) variables[s.Alias] = url;
            variables[prefix + "_HOST"] = host;
            variables[prefix + "_PORT"] = s.Port.ToString(CultureInfo.InvariantCulture);
            variables[prefix + "_USER"] = user;
            variables[prefix + "_PASSWORD"] = password;
            if (type != "valkey") variables[prefix + "_DATABASE"] = database;
        }
        else
        {
            variables[prefix + "_MOUNT_PATH"] = body.MountPoint ?? "/data";
        }

        return variables;
    }

    private static string? DefaultVersion(PostApiV1AppsUuidAddonsType type) =>
        type == PostApiV1AppsUuidAddonsType.Postgres ? "16"
        : type == PostApiV1AppsUuidAddonsType.Mysql ? "8.4"
        : type == PostApiV1AppsUuidAddonsType.Valkey ? "7.2"
        : null;

    private static string? FirstOf(params string?[] violations) => violations.FirstOrDefault(v => v is not null);

    private static string? Blank(string field, string value) => string.IsNullOrWhiteSpace(value) ? $"{field} is empty" : null;

    private static string? Positive(string field, float? value) => value is <= 0 ? $"{field} must be greater than 0" : null;

    private static string? OnlyFor(string field, bool present, bool allowed, string type) =>
        present && !allowed ? $"{field} is only for the {type} type" : null;
}
