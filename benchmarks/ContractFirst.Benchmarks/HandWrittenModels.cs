using System.Text.Json;
using System.Text.Json.Serialization;

// Hand-written records with the same shape as the generated models (same wire names, nullability, nesting and
// extension data), serialized with System.Text.Json source generation: the baseline for the JSON and client
// benchmarks. String enums are C# enums with JsonStringEnumConverter<T> (the idiomatic hand-written form; unlike the
// generated open enums they cannot carry values the spec does not know).
namespace HandWritten.ClickHouse
{
    public enum Provider
    {
        [JsonStringEnumMemberName("aws")] Aws,
        [JsonStringEnumMemberName("gcp")] Gcp,
        [JsonStringEnumMemberName("azure")] Azure,
    }

    public enum State
    {
        [JsonStringEnumMemberName("starting")] Starting,
        [JsonStringEnumMemberName("stopping")] Stopping,
        [JsonStringEnumMemberName("terminating")] Terminating,
        [JsonStringEnumMemberName("provisioning")] Provisioning,
        [JsonStringEnumMemberName("running")] Running,
        [JsonStringEnumMemberName("stopped")] Stopped,
        [JsonStringEnumMemberName("terminated")] Terminated,
        [JsonStringEnumMemberName("degraded")] Degraded,
        [JsonStringEnumMemberName("failed")] Failed,
        [JsonStringEnumMemberName("idle")] Idle,
        [JsonStringEnumMemberName("awaking")] Awaking,
        [JsonStringEnumMemberName("partially_running")] PartiallyRunning,
    }

    public enum Tier
    {
        [JsonStringEnumMemberName("development")] Development,
        [JsonStringEnumMemberName("production")] Production,
        [JsonStringEnumMemberName("dedicated_high_mem")] DedicatedHighMem,
        [JsonStringEnumMemberName("dedicated_high_cpu")] DedicatedHighCpu,
        [JsonStringEnumMemberName("dedicated_standard")] DedicatedStandard,
    }

    public enum Protocol
    {
        [JsonStringEnumMemberName("https")] Https,
        [JsonStringEnumMemberName("nativesecure")] NativeSecure,
        [JsonStringEnumMemberName("mysql")] Mysql,
    }

    public sealed record ServiceResponse
    {
        [JsonPropertyName("status")] public required double Status { get; set; }
        [JsonPropertyName("requestId")] public Guid? RequestId { get; set; }
        [JsonPropertyName("result")] public required Service Result { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed record Service
    {
        [JsonPropertyName("id")] public Guid? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("provider")] public Provider? Provider { get; set; }
        [JsonPropertyName("region")] public string? Region { get; set; }
        [JsonPropertyName("state")] public State? State { get; set; }
        [JsonPropertyName("endpoints")] public List<ServiceEndpoint>? Endpoints { get; set; }
        [JsonPropertyName("tier")] public Tier? Tier { get; set; }
        [JsonPropertyName("minTotalMemoryGb")] public double? MinTotalMemoryGb { get; set; }
        [JsonPropertyName("maxTotalMemoryGb")] public double? MaxTotalMemoryGb { get; set; }
        [JsonPropertyName("idleScaling")] public bool? IdleScaling { get; set; }
        [JsonPropertyName("idleTimeoutMinutes")] public double? IdleTimeoutMinutes { get; set; }
        [JsonPropertyName("ipAccessList")] public List<IpAccessListEntry>? IpAccessList { get; set; }
        [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed record ServiceEndpoint
    {
        [JsonPropertyName("protocol")] public Protocol? Protocol { get; set; }
        [JsonPropertyName("host")] public string? Host { get; set; }
        [JsonPropertyName("port")] public int? Port { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed record IpAccessListEntry
    {
        [JsonPropertyName("source")] public required string Source { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed record ServicePostRequest
    {
        [JsonPropertyName("name")] public required string Name { get; set; }
        [JsonPropertyName("provider")] public required Provider Provider { get; set; }
        [JsonPropertyName("region")] public required string Region { get; set; }
        [JsonPropertyName("tier")] public Tier? Tier { get; set; }
        [JsonPropertyName("ipAccessList")] public List<IpAccessListEntry>? IpAccessList { get; set; }
        [JsonPropertyName("minTotalMemoryGb")] public double? MinTotalMemoryGb { get; set; }
        [JsonPropertyName("maxTotalMemoryGb")] public double? MaxTotalMemoryGb { get; set; }
        [JsonPropertyName("idleScaling")] public bool? IdleScaling { get; set; }
        [JsonPropertyName("idleTimeoutMinutes")] public double? IdleTimeoutMinutes { get; set; }
        [JsonPropertyName("backupId")] public Guid? BackupId { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed record ServicePostResponse
    {
        [JsonPropertyName("service")] public Service? Service { get; set; }
        [JsonPropertyName("password")] public string? Password { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed record ServicePostResponseWrapper
    {
        [JsonPropertyName("status")] public required double Status { get; set; }
        [JsonPropertyName("requestId")] public Guid? RequestId { get; set; }
        [JsonPropertyName("result")] public required ServicePostResponse Result { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed record ApiError
    {
        [JsonPropertyName("status")] public double? Status { get; set; }
        [JsonPropertyName("error")] public string? Error { get; set; }
        [JsonPropertyName("requestId")] public Guid? RequestId { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
    [JsonSerializable(typeof(ServiceResponse))]
    [JsonSerializable(typeof(ServicePostRequest))]
    [JsonSerializable(typeof(ServicePostResponseWrapper))]
    [JsonSerializable(typeof(ApiError))]
    public sealed partial class ClickHouseJsonContext : JsonSerializerContext
    {
    }
}

namespace HandWritten.Bridgeport
{
    public enum BackupStorageType
    {
        [JsonStringEnumMemberName("local")] Local,
        [JsonStringEnumMemberName("spaces")] Spaces,
    }

    public enum BackupFormat
    {
        [JsonStringEnumMemberName("plain")] Plain,
        [JsonStringEnumMemberName("custom")] Custom,
        [JsonStringEnumMemberName("tar")] Tar,
    }

    public enum BackupCompression
    {
        [JsonStringEnumMemberName("none")] None,
        [JsonStringEnumMemberName("gzip")] Gzip,
    }

    public sealed record CreateDatabaseRequest
    {
        [JsonPropertyName("name")] public required string Name { get; set; }
        [JsonPropertyName("type")] public required string Type { get; set; }
        [JsonPropertyName("databaseTypeId")] public string? DatabaseTypeId { get; set; }
        [JsonPropertyName("host")] public string? Host { get; set; }
        [JsonPropertyName("port")] public int? Port { get; set; }
        [JsonPropertyName("databaseName")] public string? DatabaseName { get; set; }
        [JsonPropertyName("username")] public string? Username { get; set; }
        [JsonPropertyName("password")] public string? Password { get; set; }
        [JsonPropertyName("filePath")] public string? FilePath { get; set; }
        [JsonPropertyName("useSsl")] public bool? UseSsl { get; set; }
        [JsonPropertyName("serverId")] public string? ServerId { get; set; }
        [JsonPropertyName("backupStorageType")] public BackupStorageType? BackupStorageType { get; set; }
        [JsonPropertyName("backupLocalPath")] public string? BackupLocalPath { get; set; }
        [JsonPropertyName("backupSpacesBucket")] public string? BackupSpacesBucket { get; set; }
        [JsonPropertyName("backupSpacesPrefix")] public string? BackupSpacesPrefix { get; set; }
        [JsonPropertyName("backupFormat")] public BackupFormat? BackupFormat { get; set; }
        [JsonPropertyName("backupCompression")] public BackupCompression? BackupCompression { get; set; }
        [JsonPropertyName("backupCompressionLevel")] public int? BackupCompressionLevel { get; set; }
        [JsonPropertyName("pgDumpOptions")] public PgDumpOptions? PgDumpOptions { get; set; }
        [JsonPropertyName("pgDumpTimeoutMs")] public int? PgDumpTimeoutMs { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed record PgDumpOptions
    {
        [JsonPropertyName("noOwner")] public bool? NoOwner { get; set; }
        [JsonPropertyName("clean")] public bool? Clean { get; set; }
        [JsonPropertyName("ifExists")] public bool? IfExists { get; set; }
        [JsonPropertyName("schemaOnly")] public bool? SchemaOnly { get; set; }
        [JsonPropertyName("dataOnly")] public bool? DataOnly { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
    [JsonSerializable(typeof(CreateDatabaseRequest))]
    public sealed partial class BridgeportJsonContext : JsonSerializerContext
    {
    }
}
