using System.Collections.Concurrent;
using System.Globalization;
using Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Server.Tests.Infrastructure;

/// <summary>What the forms handler received, per operation: the typed values, so that tests can assert them.</summary>
public sealed class FormsRecorder
{
    private readonly ConcurrentDictionary<string, object?[]> _last = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Record(string operation, params object?[] values)
    {
        _last[operation] = values;
        _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);
    }

    public object?[] Last(string operation) => _last[operation];

    public int Count(string operation) => _counts.TryGetValue(operation, out var n) ? n : 0;
}

/// <summary>The generated server of Specs/forms.yaml on real Kestrel, with a handler that records what it receives.</summary>
public sealed class FormsFixture : IAsyncLifetime
{
    public const long BodyLimit = 64 * 1024;

    private WebApplication? _app;

    public FormsRecorder Recorder { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public FormsClient Client(bool validate = true) => new(Http, new FormsClientOptions { ValidateRequests = validate });

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(Recorder);
        builder.Services.AddFormsServer<FormsFake>(o => o.MaxRequestBodySize = BodyLimit);
        var app = builder.Build();
        app.MapForms();
        await app.StartAsync();
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Records the typed values and echoes them as text ("name=rex;kind=dog;…"), so that the client sees them too.</summary>
public sealed class FormsFake(FormsRecorder recorder) : IFormsServer
{
    private static string Text(object? value) => value switch
    {
        null => "null",
        IEnumerable<long> list => "[" + string.Join(",", list) + "]",
        IEnumerable<string> list => "[" + string.Join(",", list) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Echo Echo(params (string Name, object? Value)[] values) => new() { Text = string.Join(";", values.Select(v => v.Name + "=" + Text(v.Value))) };

    public Task<IFormsServer.CreatePetResult> CreatePetAsync(PetForm body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        recorder.Record("createPet", body);
        return Task.FromResult<IFormsServer.CreatePetResult>(Echo(("name", body.Name), ("kind", body.Kind.Value), ("age", body.Age), ("weight", body.Weight), ("tags", body.Tags), ("vaccinated", body.Vaccinated), ("owner", body.Owner?.Email)));
    }

    public async Task<IFormsServer.UploadResult> UploadAsync(UploadForm body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body.File);
        var content = await reader.ReadToEndAsync(cancellationToken);
        var fileName = httpContext.Request.Form.Files.GetFile("file")?.FileName;
        recorder.Record("upload", body, content, fileName);
        return Echo(("title", body.Title), ("count", body.Count), ("category", body.Category?.Value), ("labels", body.Labels), ("file", content), ("fileName", fileName));
    }

    public Task<IFormsServer.SearchResult> SearchAsync(PetFilter? filter, Paging? page, Color? color, PetFilter? where, HttpContext httpContext, CancellationToken cancellationToken)
    {
        recorder.Record("search", filter, page, color, where);
        var echo = Echo(("filter.name", filter?.Name), ("filter.size", filter?.Size), ("filter.kind", filter?.Kind?.Value), ("limit", page?.Limit), ("offset", page?.Offset), ("R", color?.R), ("G", color?.G));
        if (where is not null) echo.Text += ";where.size=" + where.Size;
        return Task.FromResult<IFormsServer.SearchResult>(echo);
    }

    public Task<IFormsServer.GetTagsResult> GetTagsAsync(IDictionary<string, long>? tags, IDictionary<string, string>? labels, IDictionary<string, bool>? extra, HttpContext httpContext, CancellationToken cancellationToken)
    {
        recorder.Record("getTags", tags, labels, extra);
        static string? Map<T>(IDictionary<string, T>? map) => map is null ? null : string.Join(",", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ":" + Text(e.Value)));
        return Task.FromResult<IFormsServer.GetTagsResult>(Echo(("tags", Map(tags)), ("labels", Map(labels)), ("extra", Map(extra))));
    }

    public Task<IFormsServer.GetLabelResult> GetLabelAsync(long id, HttpContext httpContext, CancellationToken cancellationToken)
    {
        recorder.Record("getLabel", id);
        return Task.FromResult<IFormsServer.GetLabelResult>(Echo(("id", id)));
    }

    public Task<IFormsServer.GetLabelListResult> GetLabelListAsync(IList<long> ids, HttpContext httpContext, CancellationToken cancellationToken)
    {
        recorder.Record("getLabelList", ids);
        return Task.FromResult<IFormsServer.GetLabelListResult>(Echo(("ids", ids)));
    }

    public Task<IFormsServer.GetLabelExplodedResult> GetLabelExplodedAsync(IList<string> names, HttpContext httpContext, CancellationToken cancellationToken)
    {
        recorder.Record("getLabelExploded", names);
        return Task.FromResult<IFormsServer.GetLabelExplodedResult>(Echo(("names", names)));
    }

    public Task<IFormsServer.GetMatrixResult> GetMatrixAsync(long id, HttpContext httpContext, CancellationToken cancellationToken)
    {
        recorder.Record("getMatrix", id);
        return Task.FromResult<IFormsServer.GetMatrixResult>(Echo(("id", id)));
    }

    public Task<IFormsServer.GetMatrixListResult> GetMatrixListAsync(IList<long> ids, HttpContext httpContext, CancellationToken cancellationToken)
    {
        recorder.Record("getMatrixList", ids);
        return Task.FromResult<IFormsServer.GetMatrixListResult>(Echo(("ids", ids)));
    }

    public Task<IFormsServer.GetMatrixExplodedResult> GetMatrixExplodedAsync(IList<string> codes, HttpContext httpContext, CancellationToken cancellationToken)
    {
        recorder.Record("getMatrixExploded", codes);
        return Task.FromResult<IFormsServer.GetMatrixExplodedResult>(Echo(("codes", codes)));
    }
}
