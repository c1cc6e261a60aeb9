using ClickHouse.Cloud;
using Miget;
using Bridgeport;

namespace ContractFirst.Client.Tests;

/// <summary>One test per operation of the three specs: method, URL, escaping, headers, auth and the exact body on the wire.</summary>
public class RequestTests
{
    private const string MigetService = """{"uuid":"s-1","name":"db","label":"DB","service_type":"postgres","project_id":"p","miget_id":"m","created_at":"2024-05-01T10:00:00Z","updated_at":"2024-05-01T10:00:00Z"}""";
    private const string MigetAddon = """{"uuid":"a-1","name":"cache","type":"valkey","label":"Cache","state":"active","quota":{},"settings":{},"var":{"URL":"redis://x"},"created_at":"2024-05-01T10:00:00Z","updated_at":"2024-05-01T10:00:00Z"}""";
    private const string MigetBucket = """{"uuid":"b-1","name":"files","label":"Files","state":"active","visibility":"private_access","s3_endpoint":"https://s3","region_code":"eu","usage_bytes":0,"quota_bytes":100,"usage_percentage":0,"object_count":0,"created_at":"2024-05-01T10:00:00Z","updated_at":"2024-05-01T10:00:00Z","miget":{"uuid":"m-1"}}""";
    private const string ChService = """{"status":200,"requestId":"0b9c6f53-6a2c-4a43-9d1b-55b0a1c1e001","result":{"id":"11111111-1111-1111-1111-111111111111","name":"svc","state":"running"}}""";

    private static readonly Guid Org = Guid.Parse("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
    private static readonly Guid Svc = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Backup = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private static void AssertMiget(RecordedRequest r, string url, string body)
    {
        Assert.Equal(HttpMethod.Post, r.Method);
        Assert.Equal(url, r.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + Clients.BearerToken, r.Header("Authorization"));
        Assert.Equal("ws-42", r.Header("X-Workspace-Id"));
        Assert.Equal("application/json; charset=utf-8", r.ContentType);
        Assert.Equal(body, r.BodyText);
    }

    [Fact]
    public async Task Miget_createService()
    {
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.Created, MigetService));
        var created = await Clients.Miget(handler).CreateServiceAsync(new PostApiV1Services
        {
            ServiceType = PostApiV1ServicesServiceType.Postgres,
            ProjectId = 7,
            MigetId = 9,
            Label = "DB",
            RamSize = 128,
            PublicAccess = "1",
        });

        AssertMiget(handler.Single, "https://app.miget.test/api/v1/services",
            """{"service_type":"postgres","project_id":7,"miget_id":9,"label":"DB","ram_size":128,"public_access":"1"}""");
        Assert.Equal("application/json", handler.Single.Header("Accept"));
        Assert.Equal("s-1", created.Uuid);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), created.CreatedAt);
    }

    [Fact]
    public async Task Miget_createAddon_escapes_the_path_and_a_header_parameter_overrides_the_default_header()
    {
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.Created, MigetAddon));
        var addon = await Clients.Miget(handler).CreateAddonAsync("app/1 ü?#", new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Valkey, Name = "cache" }, xWorkspaceId: "ws-override");

        var r = handler.Single;
        Assert.Equal(HttpMethod.Post, r.Method);
        Assert.Equal("https://app.miget.test/api/v1/apps/app%2F1%20%C3%BC%3F%23/addons", r.Uri.AbsoluteUri);
        Assert.Equal("ws-override", r.Header("X-Workspace-Id"));
        Assert.Equal("Bearer " + Clients.BearerToken, r.Header("Authorization"));
        Assert.Equal("""{"type":"valkey","name":"cache"}""", r.BodyText);
        Assert.Equal("redis://x", addon.Var["URL"]);
    }

    [Fact]
    public async Task Miget_createBucket()
    {
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.Created, MigetBucket));
        var bucket = await Clients.Miget(handler).CreateBucketAsync(new PostApiV1Buckets { Label = "Files", MigetId = 3, Visibility = PostApiV1BucketsVisibility.PublicAccess, DiskSize = 0.5f });

        AssertMiget(handler.Single, "https://app.miget.test/api/v1/buckets", """{"label":"Files","miget_id":3,"visibility":"public_access","disk_size":0.5}""");
        Assert.Equal("m-1", bucket.Miget.Uuid);
    }

    private static void AssertClickHouse(RecordedRequest r, HttpMethod method, string path, string? body)
    {
        Assert.Equal(method, r.Method);
        Assert.Equal("https://api.clickhouse.test" + path, r.Uri.AbsoluteUri);
        Assert.Equal(Clients.Basic("key-id", Clients.Password), r.Header("Authorization"));
        if (body is null)
        {
            Assert.Null(r.ContentType);
            Assert.Empty(r.Body);
        }
        else
        {
            Assert.Equal("application/json; charset=utf-8", r.ContentType);
            Assert.Equal(body, r.BodyText);
        }
    }

    [Fact]
    public async Task ClickHouse_listServices()
    {
        var handler = new RecordingHandler(() => Responses.Json("""{"status":200,"result":[{"name":"a"},{"name":"b","tier":"production"}]}"""));
        var list = await Clients.ClickHouse(handler).ListServicesAsync(Org);
        AssertClickHouse(handler.Single, HttpMethod.Get, $"/v1/organizations/{Org}/services", null);
        Assert.Equal(["a", "b"], list.Result.Select(s => s.Name));
        Assert.Equal(ServiceTier.Production, list.Result[1].Tier);
    }

    [Fact]
    public async Task ClickHouse_createService()
    {
        var handler = new RecordingHandler(() => Responses.Json("""{"status":200,"result":{"service":{"name":"svc"},"password":"generated"}}"""));
        var created = await Clients.ClickHouse(handler).CreateServiceAsync(Org, new ServicePostRequest
        {
            Name = "svc",
            Provider = ServicePostRequestProvider.Aws,
            Region = "eu-west-1",
            Tier = ServicePostRequestTier.Production,
            IpAccessList = [new IpAccessListEntry { Source = "10.0.0.0/8", Description = "office" }],
            MinTotalMemoryGb = 24,
            IdleScaling = true,
        });
        AssertClickHouse(handler.Single, HttpMethod.Post, $"/v1/organizations/{Org}/services",
            """{"name":"svc","provider":"aws","region":"eu-west-1","tier":"production","ipAccessList":[{"source":"10.0.0.0/8","description":"office"}],"minTotalMemoryGb":24,"idleScaling":true}""");
        Assert.Equal("generated", created.Result.Password);
    }

    [Fact]
    public async Task ClickHouse_getService()
    {
        var handler = new RecordingHandler(() => Responses.Json(ChService));
        var service = await Clients.ClickHouse(handler).GetServiceAsync(Org, Svc);
        AssertClickHouse(handler.Single, HttpMethod.Get, $"/v1/organizations/{Org}/services/{Svc}", null);
        Assert.Equal(Svc, service.Result.Id);
        Assert.Equal(ServiceState.Running, service.Result.State);
    }

    [Fact]
    public async Task ClickHouse_updateService()
    {
        var handler = new RecordingHandler(() => Responses.Json(ChService));
        await Clients.ClickHouse(handler).UpdateServiceAsync(Org, Svc, new ServicePatchRequest
        {
            Name = "renamed",
            IpAccessList = new IpAccessListPatch { Add = [new IpAccessListEntry { Source = "1.2.3.4" }], Remove = [] },
        });
        AssertClickHouse(handler.Single, HttpMethod.Patch, $"/v1/organizations/{Org}/services/{Svc}",
            """{"name":"renamed","ipAccessList":{"add":[{"source":"1.2.3.4"}],"remove":[]}}""");
    }

    [Fact]
    public async Task ClickHouse_deleteService()
    {
        var handler = new RecordingHandler(() => Responses.Json("""{"status":200}"""));
        var deleted = await Clients.ClickHouse(handler).DeleteServiceAsync(Org, Svc);
        AssertClickHouse(handler.Single, HttpMethod.Delete, $"/v1/organizations/{Org}/services/{Svc}", null);
        Assert.Equal(200, deleted.Status);
    }

    [Fact]
    public async Task ClickHouse_updateServiceState()
    {
        var handler = new RecordingHandler(() => Responses.Json(ChService));
        await Clients.ClickHouse(handler).UpdateServiceStateAsync(Org, Svc, new ServiceStatePatchRequest { Command = ServiceStatePatchRequestCommand.Stop });
        AssertClickHouse(handler.Single, HttpMethod.Patch, $"/v1/organizations/{Org}/services/{Svc}/state", """{"command":"stop"}""");
    }

    [Fact]
    public async Task ClickHouse_updateServiceScaling()
    {
        var handler = new RecordingHandler(() => Responses.Json(ChService));
        await Clients.ClickHouse(handler).UpdateServiceScalingAsync(Org, Svc, new ServiceScalingPatchRequest { MinTotalMemoryGb = 24, MaxTotalMemoryGb = 48, IdleTimeoutMinutes = 5 });
        AssertClickHouse(handler.Single, HttpMethod.Patch, $"/v1/organizations/{Org}/services/{Svc}/scaling",
            """{"minTotalMemoryGb":24,"maxTotalMemoryGb":48,"idleTimeoutMinutes":5}""");
    }

    [Fact]
    public async Task ClickHouse_updateServicePassword()
    {
        var handler = new RecordingHandler(() => Responses.Json("""{"status":200,"result":{"password":"new-pw"}}"""));
        var result = await Clients.ClickHouse(handler).UpdateServicePasswordAsync(Org, Svc, new ServicePasswordPatchRequest { NewPasswordHash = "aGFzaA==" });
        AssertClickHouse(handler.Single, HttpMethod.Patch, $"/v1/organizations/{Org}/services/{Svc}/password", """{"newPasswordHash":"aGFzaA=="}""");
        Assert.Equal("new-pw", result.Result.Password);
    }

    [Fact]
    public async Task ClickHouse_listServiceBackups()
    {
        var handler = new RecordingHandler(() => Responses.Json($$"""{"status":200,"result":[{"id":"{{Backup}}","status":"done"},{"status":"frozen"}]}"""));
        var backups = await Clients.ClickHouse(handler).ListServiceBackupsAsync(Org, Svc);
        AssertClickHouse(handler.Single, HttpMethod.Get, $"/v1/organizations/{Org}/services/{Svc}/backups", null);
        Assert.Equal(BackupStatus.Done, backups.Result[0].Status);
        Assert.Equal("frozen", backups.Result[1].Status!.Value.Value);
    }

    [Fact]
    public async Task ClickHouse_getServiceBackup()
    {
        var handler = new RecordingHandler(() => Responses.Json($$$"""{"status":200,"result":{"id":"{{{Backup}}}","status":"in_progress","startedAt":"2024-05-01T10:00:00+02:00"}}"""));
        var backup = await Clients.ClickHouse(handler).GetServiceBackupAsync(Org, Svc, Backup);
        AssertClickHouse(handler.Single, HttpMethod.Get, $"/v1/organizations/{Org}/services/{Svc}/backups/{Backup}", null);
        Assert.Equal(BackupStatus.InProgress, backup.Result.Status);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)), backup.Result.StartedAt);
    }

    [Fact]
    public async Task Bridgeport_createDatabase()
    {
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.Created,
            """{"id":"db-1","name":"orders","type":"postgres","environmentId":"prod/eu 1","createdAt":"2024-05-01T10:00:00Z","updatedAt":"2024-05-01T10:00:00Z","hasCredentials":true,"pgDumpOptions":null}"""));
        var db = await Clients.Bridgeport(handler).CreateDatabaseAsync("prod/eu 1", new CreateDatabaseRequest
        {
            Name = "orders",
            Type = "postgres",
            Host = "db.internal",
            Port = 5432,
            Username = "app",
            Password = "db-SECRET",
            BackupFormat = CreateDatabaseRequestBackupFormat.Custom,
            PgDumpOptions = new PgDumpOptions { NoOwner = true },
        });

        var r = handler.Single;
        Assert.Equal(HttpMethod.Post, r.Method);
        Assert.Equal("https://bridgeport.test/base/api/environments/prod%2Feu%201/databases", r.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + Clients.BearerToken, r.Header("Authorization"));
        Assert.Equal("application/json; charset=utf-8", r.ContentType);
        Assert.Equal("""{"name":"orders","type":"postgres","host":"db.internal","port":5432,"username":"app","password":"db-SECRET","backupFormat":"custom","pgDumpOptions":{"noOwner":true}}""", r.BodyText);
        Assert.Equal("db-1", db.Id);
        Assert.True(db.HasCredentials);
        Assert.Null(db.PgDumpOptions);
    }
}
