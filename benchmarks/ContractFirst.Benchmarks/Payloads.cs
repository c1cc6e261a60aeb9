using System.Text;

namespace ContractFirst.Benchmarks;

/// <summary>Wire payloads shared by the JSON, client and server benchmarks (valid against the specs).</summary>
public static class Payloads
{
    public static readonly Guid Org = Guid.Parse("5b3c1e0e-0d4c-4c1e-9d7c-2f1f1a0b9c01");
    public static readonly Guid Svc = Guid.Parse("7d9e6a51-2b7c-4f0d-8e2a-7c3b9f4d1e02");

    private const string Service = """
        {"id":"7d9e6a51-2b7c-4f0d-8e2a-7c3b9f4d1e02","name":"analytics-prod","provider":"aws","region":"us-east-1","state":"running",
         "endpoints":[{"protocol":"https","host":"abc123.us-east-1.aws.clickhouse.cloud","port":8443},
                      {"protocol":"nativesecure","host":"abc123.us-east-1.aws.clickhouse.cloud","port":9440},
                      {"protocol":"mysql","host":"abc123.us-east-1.aws.clickhouse.cloud","port":3306}],
         "tier":"production","minTotalMemoryGb":48,"maxTotalMemoryGb":360,"idleScaling":true,"idleTimeoutMinutes":15,
         "ipAccessList":[{"source":"203.0.113.0/24","description":"office"},{"source":"198.51.100.7","description":"ci runner"},{"source":"192.0.2.0/28"}],
         "createdAt":"2024-05-01T12:34:56+00:00"}
        """;

    public static readonly byte[] ServiceResponse = Utf8("""{"status":200,"requestId":"0c2b8f36-55c4-4a8e-9d2f-6b1f3c7a9e10","result":""" + Service + "}");

    public static readonly byte[] ServicePostResponseWrapper = Utf8("""{"status":200,"requestId":"0c2b8f36-55c4-4a8e-9d2f-6b1f3c7a9e10","result":{"service":""" + Service + ""","password":"s3cr3t-generated"}}""");

    public static readonly byte[] ServicePostRequest = Utf8("""
        {"name":"analytics-prod","provider":"aws","region":"us-east-1","tier":"production",
         "ipAccessList":[{"source":"203.0.113.0/24","description":"office"},{"source":"198.51.100.7","description":"ci runner"}],
         "minTotalMemoryGb":48,"maxTotalMemoryGb":360,"idleScaling":true,"idleTimeoutMinutes":15}
        """);

    public static readonly byte[] CreateDatabaseRequest = Utf8("""
        {"name":"orders","type":"postgres","databaseTypeId":"pg16","host":"db.internal.example","port":5432,"databaseName":"orders",
         "username":"orders_admin","password":"correct-horse-battery","useSsl":true,"serverId":"srv_42","backupStorageType":"spaces",
         "backupSpacesBucket":"backups","backupSpacesPrefix":"orders/","backupFormat":"custom","backupCompression":"gzip",
         "backupCompressionLevel":6,"pgDumpOptions":{"noOwner":true,"clean":true,"ifExists":true,"schemaOnly":false,"dataOnly":false},
         "pgDumpTimeoutMs":600000}
        """);

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
