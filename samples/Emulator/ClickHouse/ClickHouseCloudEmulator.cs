using ContractFirst.Emulator.Auth;
using ContractFirst.Emulator.Contracts.ClickHouse;
using Api = ContractFirst.Emulator.Contracts.ClickHouse.IClickHouseCloudServer;

namespace ContractFirst.Emulator.ClickHouse;

/// <summary>
/// ClickHouse Cloud: services of an organization with their state machine, scaling, passwords and backups. Every answer
/// is the API's envelope <c>{status, requestId, result}</c>, every error its <c>{status, error, requestId}</c>. An
/// organization id is a namespace inside the caller's tenant: another tenant's service is simply not found.
/// </summary>
public sealed class ClickHouseCloudEmulator(ClickHouseStore store, ServiceLifecycle lifecycle) : Api
{
    public async Task<Api.ListServicesResult> ListServicesAsync(Guid organizationId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var records = await store.ReadAsync(s => s.ListServicesAsync(httpContext.Tenant(), organizationId));
        return new ServiceListResponse { Status = 200, RequestId = RequestId(httpContext), Result = records.Select(lifecycle.Present).ToList() };
    }

    public async Task<Api.CreateServiceResult> CreateServiceAsync(Guid organizationId, ServicePostRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (ServiceRules.CheckCreate(body) is { } invalid) return Api.CreateServiceResult.BadRequest(Error(400, invalid, httpContext));

        var tenant = httpContext.Tenant();
        var now = lifecycle.Now;
        var service = ServiceRules.NewService(Guid.NewGuid(), body, now);
        var password = ServiceRules.NewPassword();
        var record = new ServiceRecord(service, ServiceState.Provisioning, now, ServiceRules.HashPassword(password));

        return await store.WriteAsync<Api.CreateServiceResult>(async s =>
        {
            if (body.BackupId is { } backupId && await s.FindBackupAsync(tenant, organizationId, null, backupId) is null)
            {
                return Api.CreateServiceResult.BadRequest(Error(400, $"backupId: the organization has no backup {backupId}.", httpContext));
            }

            await s.InsertServiceAsync(tenant, organizationId, record);
            await s.InsertBackupAsync(tenant, organizationId, record.Id, ServiceRules.NewBackup(record.Id, now));
            return new ServicePostResponseWrapper
            {
                Status = 200,
                RequestId = RequestId(httpContext),
                Result = new ServicePostResponse { Service = service, Password = password },
            };
        });
    }

    public async Task<Api.GetServiceResult> GetServiceAsync(Guid organizationId, Guid serviceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var record = await store.ReadAsync(s => s.FindServiceAsync(httpContext.Tenant(), organizationId, serviceId));
        return record is null
            ? Api.GetServiceResult.NotFound(NotFound(serviceId, httpContext))
            : Ok(lifecycle.Present(record), httpContext);
    }

    public Task<Api.UpdateServiceResult> UpdateServiceAsync(Guid organizationId, Guid serviceId, ServicePatchRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (body.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            return Task.FromResult(Api.UpdateServiceResult.BadRequest(Error(400, "name must not be empty.", httpContext)));
        }

        var tenant = httpContext.Tenant();
        return store.WriteAsync<Api.UpdateServiceResult>(async s =>
        {
            if (await s.FindServiceAsync(tenant, organizationId, serviceId) is not { } record) return Api.UpdateServiceResult.NotFound(NotFound(serviceId, httpContext));
            var updated = record with { Service = ServiceRules.Update(record.Service, body) };
            await s.UpdateServiceAsync(tenant, organizationId, updated);
            return Ok(lifecycle.Present(updated), httpContext);
        });
    }

    public Task<Api.DeleteServiceResult> DeleteServiceAsync(Guid organizationId, Guid serviceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var tenant = httpContext.Tenant();
        return store.WriteAsync<Api.DeleteServiceResult>(async s =>
        {
            if (await s.FindServiceAsync(tenant, organizationId, serviceId) is not { } record) return Api.DeleteServiceResult.NotFound(NotFound(serviceId, httpContext));
            var state = lifecycle.Observe(record);
            if (state != ServiceState.Stopped)
            {
                return Api.DeleteServiceResult.Conflict(Error(409, $"The service is {state}: stop it (command 'stop') and wait for the state 'stopped' before deleting it.", httpContext));
            }

            await s.DeleteServiceAsync(tenant, organizationId, serviceId);
            return new ServiceDeleteResponse { Status = 200, RequestId = RequestId(httpContext) };
        });
    }

    public Task<Api.UpdateServiceStateResult> UpdateServiceStateAsync(Guid organizationId, Guid serviceId, ServiceStatePatchRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var tenant = httpContext.Tenant();
        return store.WriteAsync<Api.UpdateServiceStateResult>(async s =>
        {
            if (await s.FindServiceAsync(tenant, organizationId, serviceId) is not { } record) return Api.UpdateServiceStateResult.NotFound(NotFound(serviceId, httpContext));
            var current = lifecycle.Observe(record);
            var (next, conflict) = ServiceLifecycle.Apply(current, body.Command);
            if (conflict is not null) return Api.UpdateServiceStateResult.Conflict(Error(409, conflict, httpContext));
            if (next == current) return Ok(lifecycle.Present(record), httpContext);

            var now = lifecycle.Now;
            var updated = record with { State = next, StateSince = now, Service = record.Service with { State = next } };
            await s.UpdateServiceAsync(tenant, organizationId, updated);

            // A stopping service takes a backup, so that the backup list grows as a real one does.
            if (next == ServiceState.Stopping) await s.InsertBackupAsync(tenant, organizationId, serviceId, ServiceRules.NewBackup(serviceId, now));
            return Ok(lifecycle.Present(updated), httpContext);
        });
    }

    public Task<Api.UpdateServiceScalingResult> UpdateServiceScalingAsync(Guid organizationId, Guid serviceId, ServiceScalingPatchRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var tenant = httpContext.Tenant();
        return store.WriteAsync<Api.UpdateServiceScalingResult>(async s =>
        {
            if (await s.FindServiceAsync(tenant, organizationId, serviceId) is not { } record) return Api.UpdateServiceScalingResult.NotFound(NotFound(serviceId, httpContext));
            if (ServiceRules.CheckScaling(record.Service, body) is { } invalid) return Api.UpdateServiceScalingResult.BadRequest(Error(400, invalid, httpContext));

            var updated = record with { Service = ServiceRules.Scale(record.Service, body) };
            await s.UpdateServiceAsync(tenant, organizationId, updated);
            return Ok(lifecycle.Present(updated), httpContext);
        });
    }

    public Task<Api.UpdateServicePasswordResult> UpdateServicePasswordAsync(Guid organizationId, Guid serviceId, ServicePasswordPatchRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var tenant = httpContext.Tenant();
        return store.WriteAsync<Api.UpdateServicePasswordResult>(async s =>
        {
            if (await s.FindServiceAsync(tenant, organizationId, serviceId) is not { } record) return Api.UpdateServicePasswordResult.NotFound(NotFound(serviceId, httpContext));

            // With a hash the password never travels and is not answered; without one a new password is generated.
            var password = string.IsNullOrEmpty(body.NewPasswordHash) ? ServiceRules.NewPassword() : null;
            var hash = password is null ? body.NewPasswordHash! : ServiceRules.HashPassword(password);
            await s.UpdateServiceAsync(tenant, organizationId, record with { PasswordHash = hash });
            return new ServicePasswordPatchResponseWrapper
            {
                Status = 200,
                RequestId = RequestId(httpContext),
                Result = password is null ? new ServicePasswordPatchResponse() : new ServicePasswordPatchResponse { Password = password },
            };
        });
    }

    public async Task<Api.ListServiceBackupsResult> ListServiceBackupsAsync(Guid organizationId, Guid serviceId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var tenant = httpContext.Tenant();
        var backups = await store.ReadAsync(async s =>
            await s.FindServiceAsync(tenant, organizationId, serviceId) is null ? null : await s.ListBackupsAsync(tenant, organizationId, serviceId));
        return backups is null
            ? Api.ListServiceBackupsResult.NotFound(NotFound(serviceId, httpContext))
            : new BackupListResponse { Status = 200, RequestId = RequestId(httpContext), Result = backups };
    }

    public async Task<Api.GetServiceBackupResult> GetServiceBackupAsync(Guid organizationId, Guid serviceId, Guid backupId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var backup = await store.ReadAsync(s => s.FindBackupAsync(httpContext.Tenant(), organizationId, serviceId, backupId));
        return backup is null
            ? Api.GetServiceBackupResult.NotFound(Error(404, $"Backup {backupId} of service {serviceId} not found.", httpContext))
            : new BackupResponse { Status = 200, RequestId = RequestId(httpContext), Result = backup };
    }

    private static ServiceResponse Ok(Service service, HttpContext httpContext) =>
        new() { Status = 200, RequestId = RequestId(httpContext), Result = service };

    private static ApiError NotFound(Guid serviceId, HttpContext httpContext) => Error(404, $"Service {serviceId} not found.", httpContext);

    private static ApiError Error(int status, string message, HttpContext httpContext) =>
        new() { Status = status, Error = message, RequestId = RequestId(httpContext) };

    /// <summary>The generated server makes ClickHouse request ids UUIDs (the spec types them so).</summary>
    private static Guid? RequestId(HttpContext httpContext) => Guid.TryParse(httpContext.TraceIdentifier, out var id) ? id : null;
}
