using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContractFirst.Emulator.Contracts.ClickHouse;

namespace ContractFirst.Emulator.ClickHouse;

/// <summary>
/// What a new service looks like and the rules that the schema cannot express: only production services scale their
/// memory, the minimum never exceeds the maximum, development services always idle. (The generated validation has
/// already checked <c>multipleOf</c>, <c>minimum</c> and <c>maximum</c> before a handler runs.)
/// </summary>
public static class ServiceRules
{
    public const double DefaultMinTotalMemoryGb = 24;
    public const double DefaultMaxTotalMemoryGb = 360;
    public const double DefaultIdleTimeoutMinutes = 15;

    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789_~.";

    public static Service NewService(Guid id, ServicePostRequest body, DateTimeOffset now)
    {
        ServiceTier tier = body.Tier?.ToString() ?? ServiceTier.Production.ToString();
        var production = tier == ServiceTier.Production;
        var min = body.MinTotalMemoryGb ?? DefaultMinTotalMemoryGb;
        var host = string.Create(CultureInfo.InvariantCulture, $"{id:N}")[..10] + $".{body.Region}.{body.Provider}.clickhouse.cloud";
        var service = new Service
        {
            Id = id,
            Name = body.Name,
            Provider = body.Provider.ToString(),
            Region = body.Region,
            State = ServiceState.Provisioning,
            Tier = tier,
            Endpoints =
            [
                new ServiceEndpoint { Protocol = ServiceEndpointProtocol.Https, Host = host, Port = 8443 },
                new ServiceEndpoint { Protocol = ServiceEndpointProtocol.Nativesecure, Host = host, Port = 9440 },
            ],
            IdleScaling = body.IdleScaling ?? true,
            IdleTimeoutMinutes = body.IdleTimeoutMinutes ?? DefaultIdleTimeoutMinutes,
            IpAccessList = body.IpAccessList?.ToList() ?? [],
            CreatedAt = now,
        };

        // Memory limits exist only for production services (the properties are not nullable: leave them out otherwise).
        if (production)
        {
            service.MinTotalMemoryGb = min;
            service.MaxTotalMemoryGb = body.MaxTotalMemoryGb ?? Math.Max(min, DefaultMaxTotalMemoryGb);
        }

        return service;
    }

    /// <summary>Why <paramref name="body"/> cannot create a service, or null.</summary>
    public static string? CheckCreate(ServicePostRequest body)
    {
        if (string.IsNullOrWhiteSpace(body.Name)) return "name must not be empty.";
        var production = body.Tier is not { } tier || tier == ServicePostRequestTier.Production;
        return CheckScaling(production, body.MinTotalMemoryGb, body.MaxTotalMemoryGb, body.IdleScaling,
            body.MinTotalMemoryGb ?? DefaultMinTotalMemoryGb, body.MaxTotalMemoryGb);
    }

    /// <summary>Why <paramref name="body"/> cannot scale <paramref name="service"/>, or null.</summary>
    public static string? CheckScaling(Service service, ServiceScalingPatchRequest body) =>
        CheckScaling(service.Tier == ServiceTier.Production, body.MinTotalMemoryGb, body.MaxTotalMemoryGb, body.IdleScaling,
            body.MinTotalMemoryGb ?? service.MinTotalMemoryGb, body.MaxTotalMemoryGb ?? service.MaxTotalMemoryGb);

    /// <summary>Applies the settings that <paramref name="body"/> carries (an absent one keeps its value).</summary>
    public static Service Scale(Service service, ServiceScalingPatchRequest body)
    {
        var scaled = service with { };
        if (body.MinTotalMemoryGb is { } min) scaled.MinTotalMemoryGb = min;
        if (body.MaxTotalMemoryGb is { } max) scaled.MaxTotalMemoryGb = max;
        if (body.IdleScaling is { } idleScaling) scaled.IdleScaling = idleScaling;
        if (body.IdleTimeoutMinutes is { } idleTimeout) scaled.IdleTimeoutMinutes = idleTimeout;
        return scaled;
    }

    /// <summary>Renames and edits the IP access list: entries are removed by <c>source</c>, then added unless present.</summary>
    public static Service Update(Service service, ServicePatchRequest body)
    {
        var accessList = (service.IpAccessList ?? []).ToList();
        if (body.IpAccessList?.Remove is { } remove) accessList.RemoveAll(entry => remove.Any(r => r.Source == entry.Source));
        foreach (var entry in body.IpAccessList?.Add ?? [])
        {
            if (!accessList.Any(e => e.Source == entry.Source)) accessList.Add(entry);
        }

        return service with { Name = body.Name ?? service.Name, IpAccessList = accessList };
    }

    public static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 16);

    /// <summary>The API's password hash: base64(SHA-256(password)).</summary>
    public static string HashPassword(string password) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    public static Backup NewBackup(Guid serviceId, DateTimeOffset startedAt) => new()
    {
        Id = Guid.NewGuid(),
        Status = BackupStatus.Done,
        ServiceId = serviceId.ToString("D"),
        StartedAt = startedAt,
        FinishedAt = startedAt,
    };

    private static string? CheckScaling(bool production, double? requestedMin, double? requestedMax, bool? idleScaling, double? min, double? max)
    {
        if (!production && (requestedMin is not null || requestedMax is not null))
        {
            return "minTotalMemoryGb and maxTotalMemoryGb are available only for production services.";
        }

        if (!production && idleScaling == false) return "idleScaling is always true for development services.";
        if (min is { } lo && max is { } hi && lo > hi)
        {
            return string.Create(CultureInfo.InvariantCulture, $"minTotalMemoryGb ({lo}) must not exceed maxTotalMemoryGb ({hi}).");
        }

        return null;
    }
}
