using System.Net;
using System.Text;
using System.Text.Json;
using ContractFirst.AspNetCore;
using ContractFirst.Server.Tests.Infrastructure;
using Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Server.Tests;

/// <summary>
/// ContractFirst.AspNetCore on its own: the binder, the parsers, the results and the error writer, called as generated
/// code calls them; and problem details through the application's IProblemDetailsService.
/// </summary>
public sealed class AspNetCoreLibraryTests
{
    private static readonly ServerErrorWriter Problems = new(null, guidRequestIds: false);

    private static DefaultHttpContext Context(string query = "", params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Request.QueryString = new QueryString(query);
        foreach (var (name, value) in headers) context.Request.Headers.Append(name, value);
        context.Request.RouteValues["id"] = "7d3e5c6a-1b2c-4d5e-8f90-a1b2c3d4e5f6";
        context.Response.Body = new MemoryStream();
        return context;
    }

    [Fact]
    public void Scalar_binds_route_query_and_trimmed_header_values()
    {
        var request = new ServerRequest(Context("?limit=5", ("X-Tag", "  blue ")), Problems);
        Assert.True(request.Scalar(ParameterSource.Path, "id", ServerParsers.Uuid, true, out var id));
        Assert.Equal(Guid.Parse("7d3e5c6a-1b2c-4d5e-8f90-a1b2c3d4e5f6"), id);
        Assert.True(request.Scalar(ParameterSource.Query, "limit", ServerParsers.Int32, false, out var limit));
        Assert.Equal(5, limit);
        Assert.True(request.Scalar(ParameterSource.Header, "X-Tag", "tag", ServerParsers.String, false, out var tag));
        Assert.Equal("blue", tag);
        Assert.False(request.Scalar(ParameterSource.Query, "absent", ServerParsers.Int32, false, out _));
        Assert.False(request.Errors.HasErrors);
    }

    [Fact]
    public void Scalar_reports_missing_repeated_and_unparsable_values_by_field()
    {
        var request = new ServerRequest(Context("?n=1&n=2&flag=yes&when=2024-13-01"), Problems);
        Assert.False(request.Scalar(ParameterSource.Query, "required", ServerParsers.String, true, out _));
        Assert.False(request.Scalar(ParameterSource.Query, "n", ServerParsers.Int64, false, out _));
        Assert.False(request.Scalar(ParameterSource.Query, "flag", ServerParsers.Boolean, false, out _));
        Assert.False(request.Scalar(ParameterSource.Query, "when", ServerParsers.Date, false, out _));
        var errors = request.Errors.Errors.Select(e => e.Field + " " + e.Keyword + " " + e.Message).ToList();
        Assert.Equal(new[] { "required required is required", "n type must be given once", "flag type must be true or false", "when type must be a date (yyyy-MM-dd)" }, errors);
    }

    [Fact]
    public void Array_splits_and_names_each_bad_item()
    {
        var request = new ServerRequest(Context("?ids=1,x,3"), Problems);
        Assert.True(request.Array(ParameterSource.Query, "ids", ServerParsers.Int32, true, ',', true, out var ids));
        Assert.Equal(new[] { 1, 3 }, ids);
        var error = Assert.Single(request.Errors.Errors);
        Assert.Equal("ids[1]", error.Field);
    }

    [Fact]
    public async Task FailedAsync_is_synchronous_and_false_for_a_valid_request_and_writes_problem_details_otherwise()
    {
        var context = Context();
        var request = new ServerRequest(context, Problems);
        var valid = request.FailedAsync();
        Assert.True(valid.IsCompletedSuccessfully);
        Assert.False(await valid);

        request.Errors.Add("name", "minLength", "must be at least 1 character long");
        Assert.True(await request.FailedAsync());
        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        using var doc = JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal("must be at least 1 character long", doc.RootElement.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(context.TraceIdentifier, doc.RootElement.GetProperty("requestId").GetString());
        Assert.Equal(context.TraceIdentifier, context.Response.Headers["X-Request-Id"].ToString());
    }

    private sealed class TextResult(int status, object? body, string? contentType) : OperationResult(status, body, contentType, null);

    [Fact]
    public async Task Results_are_IResults_that_write_text_and_status()
    {
        var context = Context();
        IResult result = new TextResult(202, "queued", "text/plain");
        Assert.Equal(202, ((IStatusCodeHttpResult)result).StatusCode);
        Assert.Equal("queued", ((IValueHttpResult)result).Value);
        await result.ExecuteAsync(context);
        Assert.Equal(202, context.Response.StatusCode);
        Assert.Equal("text/plain", context.Response.ContentType);
        Assert.Equal("queued", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));

        var empty = Context();
        await new TextResult(204, null, "text/plain").ExecuteAsync(empty);
        Assert.Equal(204, empty.Response.StatusCode);
        Assert.Null(empty.Response.ContentType);
        Assert.Equal(0, empty.Response.Body.Length);
    }

    [Fact]
    public async Task Problem_details_go_through_the_applications_IProblemDetailsService()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(new FormsRecorder());
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["customized"] = "yes");
        builder.Services.AddFormsServer<FormsFake>();
        await using var app = builder.Build();
        app.MapForms();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await http.PostAsync("/pets", new StringContent("name=REX&kind=dog&age=3", Encoding.UTF8, "application/x-www-form-urlencoded"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var doc = JsonDocument.Parse(text);
            Assert.Equal("yes", doc.RootElement.GetProperty("customized").GetString());
            Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty("name", out _), text);
            Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), doc.RootElement.GetProperty("requestId").GetString());
            Assert.Equal(400, doc.RootElement.GetProperty("status").GetInt32());
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
