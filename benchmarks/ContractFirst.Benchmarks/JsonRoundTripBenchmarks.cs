using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ContractFirst.Benchmarks;

/// <summary>
/// Serialize + deserialize (one round trip per operation) of a generated model with its generated reflection-free
/// converters ({ClientName}Json.TypeInfo&lt;T&gt;()), against a hand-written record of the same shape with
/// System.Text.Json source generation (the baseline).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonRoundTripBenchmarks
{
    private static readonly JsonTypeInfo<ClickHouse.Cloud.ServiceResponse> GeneratedServiceResponse = ClickHouse.Cloud.ClickHouseCloudClientJson.TypeInfo<ClickHouse.Cloud.ServiceResponse>();
    private static readonly JsonTypeInfo<HandWritten.ClickHouse.ServiceResponse> StjServiceResponse = HandWritten.ClickHouse.ClickHouseJsonContext.Default.ServiceResponse;
    private static readonly JsonTypeInfo<Bridgeport.CreateDatabaseRequest> GeneratedCreateDatabase = Bridgeport.BridgeportClientJson.TypeInfo<Bridgeport.CreateDatabaseRequest>();
    private static readonly JsonTypeInfo<HandWritten.Bridgeport.CreateDatabaseRequest> StjCreateDatabase = HandWritten.Bridgeport.BridgeportJsonContext.Default.CreateDatabaseRequest;

    private ClickHouse.Cloud.ServiceResponse _generatedService = null!;
    private HandWritten.ClickHouse.ServiceResponse _stjService = null!;
    private Bridgeport.CreateDatabaseRequest _generatedDb = null!;
    private HandWritten.Bridgeport.CreateDatabaseRequest _stjDb = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generatedService = JsonSerializer.Deserialize(Payloads.ServiceResponse, GeneratedServiceResponse)!;
        _stjService = JsonSerializer.Deserialize(Payloads.ServiceResponse, StjServiceResponse)!;
        _generatedDb = JsonSerializer.Deserialize(Payloads.CreateDatabaseRequest, GeneratedCreateDatabase)!;
        _stjDb = JsonSerializer.Deserialize(Payloads.CreateDatabaseRequest, StjCreateDatabase)!;

        // Same data on both sides: the two serializers must write the same number of bytes.
        Console.WriteLine($"// ServiceResponse: generated {JsonSerializer.SerializeToUtf8Bytes(_generatedService, GeneratedServiceResponse).Length} B, STJ source-gen {JsonSerializer.SerializeToUtf8Bytes(_stjService, StjServiceResponse).Length} B");
        Console.WriteLine($"// CreateDatabaseRequest: generated {JsonSerializer.SerializeToUtf8Bytes(_generatedDb, GeneratedCreateDatabase).Length} B, STJ source-gen {JsonSerializer.SerializeToUtf8Bytes(_stjDb, StjCreateDatabase).Length} B");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Json ServiceResponse")]
    public object ServiceResponse_StjSourceGen()
        => JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(_stjService, StjServiceResponse), StjServiceResponse)!;

    [Benchmark, BenchmarkCategory("Json ServiceResponse")]
    public object ServiceResponse_Generated()
        => JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(_generatedService, GeneratedServiceResponse), GeneratedServiceResponse)!;

    [Benchmark(Baseline = true), BenchmarkCategory("Json CreateDatabaseRequest")]
    public object CreateDatabaseRequest_StjSourceGen()
        => JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(_stjDb, StjCreateDatabase), StjCreateDatabase)!;

    [Benchmark, BenchmarkCategory("Json CreateDatabaseRequest")]
    public object CreateDatabaseRequest_Generated()
        => JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(_generatedDb, GeneratedCreateDatabase), GeneratedCreateDatabase)!;
}
