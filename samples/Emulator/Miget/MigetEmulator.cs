using ContractFirst.Emulator.Auth;
using ContractFirst.Emulator.Contracts.Miget;
using Api = ContractFirst.Emulator.Contracts.Miget.IMigetServer;

namespace ContractFirst.Emulator.Miget;

/// <summary>
/// Miget: services, application add-ons and buckets, created in the caller's tenant and workspace (<c>X-Workspace-Id</c>,
/// else <c>default</c>). Rules the schema cannot express answer 422 with Grape's <c>{"error": "…"}</c>, as the spec says.
/// </summary>
public sealed class MigetEmulator(MigetStore store, TimeProvider time) : Api
{
    public const string DefaultWorkspace = "default";

    public async Task<Api.CreateServiceResult> CreateServiceAsync(PostApiV1Services body, string? xWorkspaceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (MigetResources.CheckService(body) is { } invalid) return Api.CreateServiceResult.UnprocessableEntity(Error(invalid));

        var service = MigetResources.NewService(body, time.GetUtcNow());
        await store.InsertServiceAsync(httpContext.Tenant(), Workspace(xWorkspaceId), service);
        return service;
    }

    public async Task<Api.CreateAddonResult> CreateAddonAsync(string uuid, PostApiV1AppsUuidAddons body, string? xWorkspaceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (MigetResources.CheckAddon(body) is { } invalid) return Api.CreateAddonResult.UnprocessableEntity(Error(invalid));

        var addon = MigetResources.NewAddon(uuid, body, time.GetUtcNow());
        return await store.TryInsertAddonAsync(httpContext.Tenant(), Workspace(xWorkspaceId), uuid, addon)
            ? addon
            : Api.CreateAddonResult.UnprocessableEntity(Error("name has already been taken"));
    }

    public async Task<Api.CreateBucketResult> CreateBucketAsync(PostApiV1Buckets body, string? xWorkspaceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (MigetResources.CheckBucket(body) is { } invalid) return Api.CreateBucketResult.UnprocessableEntity(Error(invalid));

        var tenant = httpContext.Tenant();
        var bucket = MigetResources.NewBucket(tenant, body, time.GetUtcNow());
        await store.InsertBucketAsync(tenant, Workspace(xWorkspaceId), bucket);
        return bucket;
    }

    private static string Workspace(string? xWorkspaceId) => string.IsNullOrWhiteSpace(xWorkspaceId) ? DefaultWorkspace : xWorkspaceId.Trim();

    private static ErrorResponse Error(string message) => new() { Error = message };
}
