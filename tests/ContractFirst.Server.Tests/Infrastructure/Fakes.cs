using Bridgeport;
using ClickHouse.Cloud;
using Microsoft.AspNetCore.Http;
using Miget;

namespace ContractFirst.Server.Tests.Infrastructure;

/// <summary>BRIDGEPORT: echoes the request into a Database; the name "taken" answers 409 in the declared envelope.</summary>
public sealed class BridgeportFake(Calls calls) : IBridgeportServer
{
    public Task<IBridgeportServer.CreateDatabaseResult> CreateDatabaseAsync(string envId, CreateDatabaseRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("bridgeport.createDatabase");
        if (body.Name == "taken")
        {
            return Task.FromResult(IBridgeportServer.CreateDatabaseResult.Conflict(new ErrorEnvelope { Code = "CONFLICT", Message = "A database with this name exists.", Field = "name", RequestId = httpContext.TraceIdentifier }));
        }

        if (body.Name == "teapot") return Task.FromResult(IBridgeportServer.CreateDatabaseResult.Status(418));

        IBridgeportServer.CreateDatabaseResult result = new Database
        {
            Id = "db_" + envId,
            Name = body.Name,
            Type = body.Type,
            Port = body.Port,
            BackupCompressionLevel = body.BackupCompressionLevel,
            EnvironmentId = envId,
            HasCredentials = body.Username is not null,
            CreatedAt = Fixed.Now,
            UpdatedAt = Fixed.Now,
        };
        return Task.FromResult(result);
    }
}

public static class Fixed
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
}

/// <summary>ClickHouse Cloud: every operation answers its envelope with the ids it was given.</summary>
public sealed class ClickHouseFake(Calls calls) : IClickHouseCloudServer
{
    private static Service ServiceOf(Guid id, string name = "svc") => new() { Id = id, Name = name, Provider = ServiceProvider.Aws, Region = "us-east-1", State = ServiceState.Running, Tier = ServiceTier.Production, MinTotalMemoryGb = 24, CreatedAt = Fixed.Now };

    private static Backup BackupOf(Guid id, Guid serviceId) => new() { Id = id, Status = BackupStatus.Done, ServiceId = serviceId.ToString(), StartedAt = Fixed.Now, FinishedAt = Fixed.Now };

    private static Guid RequestId(HttpContext httpContext) => Guid.Parse(httpContext.TraceIdentifier);

    public Task<IClickHouseCloudServer.ListServicesResult> ListServicesAsync(Guid organizationId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.listServices");
        return Task.FromResult<IClickHouseCloudServer.ListServicesResult>(new ServiceListResponse { Status = 200, RequestId = RequestId(httpContext), Result = new List<Service> { ServiceOf(organizationId) } });
    }

    public Task<IClickHouseCloudServer.CreateServiceResult> CreateServiceAsync(Guid organizationId, ServicePostRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.createService");
        return Task.FromResult<IClickHouseCloudServer.CreateServiceResult>(new ServicePostResponseWrapper
        {
            Status = 200,
            RequestId = RequestId(httpContext),
            Result = new ServicePostResponse { Service = ServiceOf(Guid.NewGuid(), body.Name) with { MinTotalMemoryGb = body.MinTotalMemoryGb ?? 24 }, Password = "generated" },
        });
    }

    public Task<IClickHouseCloudServer.GetServiceResult> GetServiceAsync(Guid organizationId, Guid serviceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.getService");
        if (serviceId == Guid.Empty)
        {
            return Task.FromResult(IClickHouseCloudServer.GetServiceResult.NotFound(new ApiError { Status = 404, Error = "No such service.", RequestId = RequestId(httpContext) }));
        }

        return Task.FromResult<IClickHouseCloudServer.GetServiceResult>(new ServiceResponse { Status = 200, Result = ServiceOf(serviceId) });
    }

    public Task<IClickHouseCloudServer.UpdateServiceResult> UpdateServiceAsync(Guid organizationId, Guid serviceId, ServicePatchRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.updateService");
        return Task.FromResult<IClickHouseCloudServer.UpdateServiceResult>(new ServiceResponse { Status = 200, Result = ServiceOf(serviceId, body.Name ?? "svc") });
    }

    public Task<IClickHouseCloudServer.DeleteServiceResult> DeleteServiceAsync(Guid organizationId, Guid serviceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.deleteService");
        return Task.FromResult<IClickHouseCloudServer.DeleteServiceResult>(new ServiceDeleteResponse { Status = 200, RequestId = RequestId(httpContext) });
    }

    public Task<IClickHouseCloudServer.UpdateServiceStateResult> UpdateServiceStateAsync(Guid organizationId, Guid serviceId, ServiceStatePatchRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.updateServiceState");
        var state = body.Command == ServiceStatePatchRequestCommand.Stop ? ServiceState.Stopping : ServiceState.Starting;
        return Task.FromResult<IClickHouseCloudServer.UpdateServiceStateResult>(new ServiceResponse { Status = 200, Result = ServiceOf(serviceId) with { State = state } });
    }

    public Task<IClickHouseCloudServer.UpdateServiceScalingResult> UpdateServiceScalingAsync(Guid organizationId, Guid serviceId, ServiceScalingPatchRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.updateServiceScaling");
        return Task.FromResult<IClickHouseCloudServer.UpdateServiceScalingResult>(new ServiceResponse { Status = 200, Result = ServiceOf(serviceId) with { MinTotalMemoryGb = body.MinTotalMemoryGb, MaxTotalMemoryGb = body.MaxTotalMemoryGb } });
    }

    public Task<IClickHouseCloudServer.UpdateServicePasswordResult> UpdateServicePasswordAsync(Guid organizationId, Guid serviceId, ServicePasswordPatchRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.updateServicePassword");
        var result = new ServicePasswordPatchResponse();
        if (body.NewPasswordHash is null) result.Password = "new-password";
        return Task.FromResult<IClickHouseCloudServer.UpdateServicePasswordResult>(new ServicePasswordPatchResponseWrapper { Status = 200, Result = result });
    }

    public Task<IClickHouseCloudServer.ListServiceBackupsResult> ListServiceBackupsAsync(Guid organizationId, Guid serviceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.listServiceBackups");
        return Task.FromResult<IClickHouseCloudServer.ListServiceBackupsResult>(new BackupListResponse { Status = 200, Result = new List<Backup> { BackupOf(Guid.NewGuid(), serviceId), BackupOf(Guid.NewGuid(), serviceId) } });
    }

    public Task<IClickHouseCloudServer.GetServiceBackupResult> GetServiceBackupAsync(Guid organizationId, Guid serviceId, Guid backupId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("clickhouse.getServiceBackup");
        return Task.FromResult<IClickHouseCloudServer.GetServiceBackupResult>(new BackupResponse { Status = 200, Result = BackupOf(backupId, serviceId) });
    }
}

/// <summary>Miget: echoes the request (and the X-Workspace-Id header, into "name") into the entity.</summary>
public sealed class MigetFake(Calls calls) : IMigetServer
{
    public Task<IMigetServer.CreateServiceResult> CreateServiceAsync(PostApiV1Services body, string? xWorkspaceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("miget.createService");
        return Task.FromResult<IMigetServer.CreateServiceResult>(new ApiV1EntitiesService
        {
            Uuid = "svc-1",
            Name = xWorkspaceId ?? "default",
            Label = body.Label,
            ServiceType = body.ServiceType.Value,
            ProjectId = body.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MigetId = body.MigetId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = Fixed.Now,
            UpdatedAt = Fixed.Now,
        });
    }

    public Task<IMigetServer.CreateAddonResult> CreateAddonAsync(string uuid, PostApiV1AppsUuidAddons body, string? xWorkspaceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("miget.createAddon");
        return Task.FromResult<IMigetServer.CreateAddonResult>(new ApiV1EntitiesAddon
        {
            Uuid = uuid,
            Name = body.Name,
            Type = body.Type.Value,
            Label = body.Label ?? body.Name,
            State = "pending",
            Quota = new Dictionary<string, System.Text.Json.JsonElement>(),
            Settings = new Dictionary<string, System.Text.Json.JsonElement>(),
            Var = new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://example" },
            CreatedAt = Fixed.Now,
            UpdatedAt = Fixed.Now,
        });
    }

    public Task<IMigetServer.CreateBucketResult> CreateBucketAsync(PostApiV1Buckets body, string? xWorkspaceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        calls.Hit("miget.createBucket");
        return Task.FromResult<IMigetServer.CreateBucketResult>(new ApiV1EntitiesBucket
        {
            Uuid = "bkt-1",
            Name = "bucket-" + body.MigetId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Label = body.Label,
            State = "pending",
            Visibility = (body.Visibility ?? PostApiV1BucketsVisibility.PrivateAccess).Value,
            S3Endpoint = "https://s3.example",
            RegionCode = "eu-1",
            UsageBytes = 0,
            QuotaBytes = 1024,
            UsagePercentage = 0,
            ObjectCount = 0,
            CreatedAt = Fixed.Now,
            UpdatedAt = Fixed.Now,
            Miget = new ApiV1EntitiesResource { Uuid = "res-1", Labels = new List<string> { "a" } },
        });
    }
}
