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

    /// <summary>A JSON schema for the body tests: an object with a required integer "n" between 1 and 100.</summary>
    private static readonly ContractFirst.Validation.JsonSchema BodySchema = new()
    {
        Type = ContractFirst.Validation.JsonTypes.Object,
        Properties = new Dictionary<string, ContractFirst.Validation.JsonSchema> { ["n"] = new() { Type = ContractFirst.Validation.JsonTypes.Integer, Minimum = 1L, Maximum = 100L } },
        Required = new[] { "n" },
    };

    private static async Task<(ServerRequest Request, RequestBody<JsonElement> Body)> ReadBodyAsync(Stream body, long? contentLength, long limit = 1024)
    {
        var context = Context();
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = contentLength;
        context.Request.Body = body;
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody()); // as servers say of a chunked request
        var request = new ServerRequest(context, Problems);
        var read = await request.JsonAsync(ContractFirst.Json.RuntimeJsonContext.Default.JsonElement, BodySchema, "application/json", true, limit);
        return (request, read);
    }

    public static TheoryData<int, bool> Deliveries => new()
    {
        { 1, false }, { 1, true }, { 3, true }, { 64, false }, { 64, true },
    };

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task A_body_delivered_in_pieces_synchronously_or_not_reads_whole(int piece, bool asynchronous)
    {
        var json = Encoding.UTF8.GetBytes("""{"n": 42, "note": "a body longer than one piece"}""");
        var (request, body) = await ReadBodyAsync(new PieceStream(json, piece, asynchronous), json.Length);
        Assert.False(request.Errors.HasErrors, string.Join("; ", request.Errors.Errors));
        Assert.True(body.HasValue);
        Assert.Equal(42, body.Value.GetProperty("n").GetInt32());

        // The same body without a declared length (chunked): read to its end.
        (request, body) = await ReadBodyAsync(new PieceStream(json, piece, asynchronous), null);
        Assert.True(body.HasValue, string.Join("; ", request.Errors.Errors));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_that_ends_before_its_declared_length_is_a_400_that_says_so(bool asynchronous)
    {
        var json = Encoding.UTF8.GetBytes("""{"n": 4""");
        var (request, body) = await ReadBodyAsync(new PieceStream(json, 64, asynchronous), json.Length + 10);
        Assert.False(body.HasValue);
        Assert.Equal(0, body.FailureStatus);
        var error = Assert.Single(request.Errors.Errors);
        Assert.Equal("json", error.Keyword);
    }

    [Fact]
    public async Task A_valid_body_read_in_one_synchronous_piece_is_validated_and_bound_without_an_asynchronous_step()
    {
        var json = Encoding.UTF8.GetBytes("""{"n": 101}""");
        var context = Context();
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = json.Length;
        context.Request.Body = new MemoryStream(json);
        var request = new ServerRequest(context, Problems);
        var read = request.JsonAsync(ContractFirst.Json.RuntimeJsonContext.Default.JsonElement, BodySchema, "application/json", true, 1024);
        Assert.True(read.IsCompletedSuccessfully);
        Assert.False((await read).HasValue);
        var error = Assert.Single(request.Errors.Errors);
        Assert.Equal(("n", "maximum"), (error.Field, error.Keyword));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_read_that_fails_as_too_large_is_413_whether_it_throws_at_once_or_later(bool throwsAtOnce)
    {
        var (request, body) = await ReadBodyAsync(new FailingStream(new BadHttpRequestException("too large", 413), throwsAtOnce), 20);
        Assert.Equal(413, body.FailureStatus);
        Assert.False(request.Errors.HasErrors);
        var valid = await request.FailedAsync();
        Assert.True(valid);
        Assert.Equal(413, request.HttpContext.Response.StatusCode);
    }

    [Fact]
    public async Task A_body_beyond_the_limit_is_413_with_or_without_a_declared_length()
    {
        var json = Encoding.UTF8.GetBytes("""{"n": 42, "padding": "0123456789012345678901234567890123456789"}""");
        var (_, declared) = await ReadBodyAsync(new MemoryStream(json), json.Length, limit: 16);
        Assert.Equal(413, declared.FailureStatus);
        var (_, chunked) = await ReadBodyAsync(new PieceStream(json, 5, asynchronous: true), null, limit: 16);
        Assert.Equal(413, chunked.FailureStatus);
    }

    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    /// <summary>A request body as a server gives it: read-only, not seekable, of unknown length.</summary>
    private abstract class ReadOnlyBody : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A read-only body that delivers at most <c>piece</c> bytes per read, completing each read at once or later.</summary>
    private sealed class PieceStream(byte[] data, int piece, bool asynchronous) : ReadOnlyBody
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count) => Take(buffer.AsSpan(offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (asynchronous) await Task.Yield();
            return Take(buffer.Span);
        }

        private int Take(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(piece, buffer.Length), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }

    /// <summary>A body whose read fails: by throwing from ReadAsync itself, or through the task it returns.</summary>
    private sealed class FailingStream(Exception error, bool throwsAtOnce) : ReadOnlyBody
    {
        public override int Read(byte[] buffer, int offset, int count) => throw error;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throwsAtOnce ? throw error : Later();

        private async ValueTask<int> Later()
        {
            await Task.Yield();
            throw error;
        }
    }

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
