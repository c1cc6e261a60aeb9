using System.Reflection;
using System.Text;
using System.Text.Json;
using ContractFirst.Conformance.Tests.Infrastructure;
using ContractFirst.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Conformance.Tests.Parameters;

/// <summary>
/// Parameters of a realistic operation (path, query, header; 3.1 and 3.0): each keyword that the typed checks could not
/// carry before (number enums, const, type arrays, exclusive bounds in both forms, <c>\p{…}</c> patterns, integers
/// written 1.0, item constraints and uniqueItems) answers as JSON Schema says, errors name the parameter (<c>ids[1]</c>),
/// the client's checks before sending give the same answers, and the common parameters keep their typed checks.
/// </summary>
public sealed class ParameterBehaviourFixture : IAsyncLifetime
{
    private const string Spec31 = """
        {"openapi":"3.1.0","info":{"title":"p","version":"1"},"paths":{"/items/{id}":{"get":{"operationId":"getItem","parameters":[
          {"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}},
          {"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":100}},
          {"name":"code","in":"query","schema":{"type":"string","pattern":"^\\p{Lu}+$"}},
          {"name":"level","in":"query","schema":{"enum":[1,2,3]}},
          {"name":"mode","in":"query","schema":{"const":"fast"}},
          {"name":"after","in":"query","schema":{"type":"number","exclusiveMinimum":5}},
          {"name":"ids","in":"query","style":"form","explode":true,"schema":{"type":"array","uniqueItems":true,"items":{"type":"integer","maximum":10}}},
          {"name":"big","in":"query","schema":{"type":"integer"}},
          {"name":"X-Either","in":"header","schema":{"type":["integer","string"],"minLength":2}}
        ],"responses":{"204":{"description":"ok"}}}}}}
        """;

    private const string Spec30 = """
        {"openapi":"3.0.3","info":{"title":"q","version":"1"},"paths":{"/things":{"get":{"operationId":"getThings","parameters":[
          {"name":"n","in":"query","schema":{"type":"number","minimum":5,"exclusiveMinimum":true}},
          {"name":"step","in":"query","schema":{"type":"number","multipleOf":0.01}}
        ],"responses":{"204":{"description":"ok"}}}}}}
        """;

    public const string Id = "/items/3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private WebApplication? _app;
    private HttpClient? _http;
    private Assembly? _assembly;
    private string _serverSource = "";

    public HttpClient Http => _http!;

    public Assembly Assembly => _assembly!;

    public string ServerSource => _serverSource;

    public async Task InitializeAsync()
    {
        var (output, diagnostics) = Harness.Generate(new[] { ("/p/p31.json", Spec31, "Params.P31", "P31Client"), ("/p/p30.json", Spec30, "Params.P30", "P30Client") }, default, "Models;Server;Client");
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var implementation = new StringBuilder();
        foreach (var (ns, api) in new[] { ("Params.P31", "P31"), ("Params.P30", "P30") })
        {
            var server = output.GetTypeByMetadataName(ns + ".I" + api + "Server") ?? throw new InvalidOperationException("no I" + api + "Server in " + ns + ": " + string.Join("; ", output.GetSymbolsWithName(n => n.EndsWith("Server", StringComparison.Ordinal), SymbolFilter.Type).Select(s => s.ToDisplayString())));
            implementation.AppendLine(ConformanceRunner.ImplementationSource(ns, api, server));
        }

        _serverSource = string.Join("\n", output.SyntaxTrees.Where(t => t.FilePath.Contains("Server", StringComparison.Ordinal)).Select(t => t.ToString()));
        var trees = implementation.ToString().Split("#nullable enable", StringSplitOptions.RemoveEmptyEntries).Select((text, i) => CSharpSyntaxTree.ParseText("#nullable enable" + text, Harness.ParseOptions, path: "impl" + i + ".cs", encoding: Encoding.UTF8));
        var (assembly, errors) = Harness.Emit(output.AddSyntaxTrees(trees));
        Assert.True(assembly is not null, string.Join("\n", errors.Take(5)));
        _assembly = assembly;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        foreach (var ns in new[] { "Params.P31", "Params.P30" }) assembly!.GetType(ns + ".ConformanceHost")!.GetMethod("Add")!.Invoke(null, new object[] { builder.Services });
        _app = builder.Build();
        foreach (var ns in new[] { "Params.P31", "Params.P30" }) assembly!.GetType(ns + ".ConformanceHost")!.GetMethod("Map")!.Invoke(null, new object[] { _app, "" });
        await _app.StartAsync();
        _http = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}

public sealed class ParameterBehaviourTests(ParameterBehaviourFixture fixture) : IClassFixture<ParameterBehaviourFixture>
{
    private const string Id = ParameterBehaviourFixture.Id;
    private HttpClient _http => fixture.Http;
    private Assembly _assembly => fixture.Assembly;
    private string _serverSource => fixture.ServerSource;

    [Theory]
    [InlineData(Id + "?limit=5", null)]
    [InlineData(Id + "?limit=5.0", null)] // an integer by value
    [InlineData(Id + "?limit=0", "limit")]
    [InlineData(Id + "?limit=abc", "limit")]
    [InlineData(Id + "?code=%C3%84B", null)] // ÄB: \p{Lu}
    [InlineData(Id + "?code=ab", "code")]
    [InlineData(Id + "?level=2", null)]
    [InlineData(Id + "?level=2.0", null)] // 2.0 == 2 in JSON
    [InlineData(Id + "?level=4", "level")]
    [InlineData(Id + "?mode=fast", null)]
    [InlineData(Id + "?mode=slow", "mode")]
    [InlineData(Id + "?after=5.5", null)]
    [InlineData(Id + "?after=5", "after")] // 3.1: exclusiveMinimum is a number
    [InlineData(Id + "?ids=1&ids=2", null)]
    [InlineData(Id + "?ids=1&ids=11", "ids[1]")]
    [InlineData(Id + "?ids=3&ids=3", "ids")]
    [InlineData(Id + "?ids=1&ids=x", "ids[1]")]
    [InlineData(Id + "?big=12391239123", null)]
    [InlineData("/items/not-a-uuid", "id")]
    [InlineData("/things?n=5.1", null)]
    [InlineData("/things?n=5", "n")] // 3.0: exclusiveMinimum: true beside minimum
    [InlineData("/things?step=0.07", null)]
    [InlineData("/things?step=0.075", "step")] // multipleOf exact for decimals
    public async Task QueryAndPathParametersMeanWhatJsonSchemaMeans(string url, string? errorField)
    {
        using var response = await _http!.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (errorField is null)
        {
            Assert.True((int)response.StatusCode == 204, url + ": " + (int)response.StatusCode + " " + body);
            return;
        }

        Assert.True((int)response.StatusCode == 400, url + ": " + (int)response.StatusCode + " " + body);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(errorField, out _), url + ": the errors do not name " + errorField + ": " + body);
    }

    [Theory]
    [InlineData("7", null)] // an integer: minLength does not apply
    [InlineData("ab", null)]
    [InlineData("a", "X-Either")]
    public async Task AHeaderOfATypeArrayIsReadAsTheValueItStandsFor(string value, string? errorField)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Id);
        request.Headers.Add("X-Either", value);
        using var response = await _http!.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == (errorField is null ? 204 : 400), value + ": " + (int)response.StatusCode + " " + body);
        if (errorField is not null) Assert.Contains(errorField, body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The client refuses, before sending, what the server refuses (the value as the caller passes it, as JSON).</summary>
    [Theory]
    [InlineData("limit", "5", true)]
    [InlineData("limit", "0", false)]
    [InlineData("code", "\"ÄB\"", true)]
    [InlineData("code", "\"ab\"", false)]
    [InlineData("level", "2", true)]
    [InlineData("level", "4", false)]
    [InlineData("mode", "\"fast\"", true)]
    [InlineData("mode", "\"slow\"", false)]
    [InlineData("after", "5", false)]
    [InlineData("after", "5.5", true)]
    [InlineData("ids", "[1, 11]", false)]
    [InlineData("ids", "[3, 3]", false)]
    [InlineData("ids", "[1, 2]", true)]
    public async Task TheClientGivesTheSameAnswers(string parameter, string json, bool valid)
    {
        var clientType = _assembly!.GetType("Params.P31.P31Client")!;
        var options = (JsonSerializerOptions)_assembly.GetType("Params.P31.P31ClientJson")!.GetProperty("Options")!.GetValue(null)!;
        using var http = new HttpClient(new ParameterRunner.NoContentHandler()) { BaseAddress = new Uri("http://localhost/") };
        var client = Activator.CreateInstance(clientType, http)!;
        var method = clientType.GetMethods().Single(m => m.Name == "GetItemAsync" && m.GetParameters().Any(p => p.Name == "limit"));
        var parameters = method.GetParameters();
        var args = parameters.Select(p => p.HasDefaultValue ? p.DefaultValue : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        args[Array.FindIndex(parameters, p => p.Name == "id")] = Guid.NewGuid();
        var at = Array.FindIndex(parameters, p => p.Name == parameter);
        Assert.True(ParameterRunner.TryRead(json, parameters[at].ParameterType, options, out var value, out var why), why);
        args[at] = value;
        Exception? thrown = null;
        try
        {
            await (Task)method.Invoke(client, args)!;
        }
        catch (TargetInvocationException e)
        {
            thrown = e.InnerException;
        }
        catch (Exception e)
        {
            thrown = e;
        }

        if (valid) Assert.Null(thrown);
        else Assert.True(thrown is RequestValidationException, parameter + " " + json + ": " + thrown);
    }

    /// <summary>The common parameters stay on the typed path (no JSON written per request): a uuid, an integer with bounds.</summary>
    [Fact]
    public void CommonParametersKeepTheirTypedChecks()
    {
        Assert.Contains("ServerParsers.Uuid, true, out global::System.Guid", _serverSource, StringComparison.Ordinal);
        Assert.Contains("SchemaChecks.Minimum(context, \"\", \"limit\"", _serverSource, StringComparison.Ordinal);
        Assert.DoesNotContain("ParameterSchema.Check(global::Params.P31.P31ClientSchemas.GetItemLimitParameter", _serverSource, StringComparison.Ordinal);
        Assert.DoesNotContain("GetItemIdParameter", _serverSource, StringComparison.Ordinal);
        Assert.Contains("ParameterSchema.Check(global::Params.P31.P31ClientSchemas.GetItemCodeParameter", _serverSource, StringComparison.Ordinal);
    }
}
