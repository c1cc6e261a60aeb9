using ContractFirst.Validation;
using Features;

// Values that violate the spec on purpose (client-side validation): the analyzers' warnings are expected here.
#pragma warning disable CF1003, CF1005

namespace ContractFirst.Client.Tests;

/// <summary>Features.yaml (test-only): what the three real specs do not use.</summary>
public class FeatureTests
{
    private static readonly Guid Pet = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static FeaturesClient Client(RecordingHandler handler, Action<FeaturesClientOptions>? configure = null)
    {
        var options = new FeaturesClientOptions { BaseAddress = new Uri("https://features.test/v2/"), ApiKey = "key-SECRET-55" };
        configure?.Invoke(options);
        return new FeaturesClient(new HttpClient(handler), options);
    }

    [Fact]
    public async Task Query_styles_headers_cookies_and_api_key_header()
    {
        var handler = new RecordingHandler(() => Responses.Json("""[{"id":"1","name":"Rex","status":"sold"},{"id":"2","name":"Tom","status":"adopted"}]"""));
        var pets = await Client(handler).FindPhotosAsync(
            Pet,
            "a b/c",
            "trace-1",
            tags: ["x y", "z&1"],
            ids: [1, 2, 3],
            piped: ["p", "q"],
            limit: 10,
            since: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            day: new DateOnly(2024, 2, 29),
            status: FindPhotosStatus.Sold,
            order: Order.Desc,
            filter: new Filter { Color = "red", Size = 3 },
            context: "ctx",
            url: "https://x/?a=1",
            xFlags: ["f1", "f2"],
            session: "s;1");

        var r = handler.Single;
        Assert.Equal(HttpMethod.Get, r.Method);
        Assert.Equal(
            $"https://features.test/v2/pets/{Pet}/photos/a%20b%2Fc?tags=x%20y&tags=z%261&ids=1,2,3&piped=p%7Cq&limit=10&since=2024-01-02T03%3A04%3A05.0000000%2B00%3A00&day=2024-02-29&status=sold&order=desc&filter%5Bcolor%5D=red&filter%5Bsize%5D=3&context=ctx&url=https%3A%2F%2Fx%2F%3Fa%3D1",
            r.Uri.AbsoluteUri);
        Assert.Equal("trace-1", r.Header("X-Trace"));
        Assert.Equal("f1,f2", r.Header("X-Flags"));
        Assert.Equal("session=s%3B1", r.Header("Cookie"));
        Assert.Equal("key-SECRET-55", r.Header("X-Api-Key"));
        Assert.Equal(["Rex", "Tom"], pets.Select(p => p.Name));
        Assert.False(pets[1].Status!.Value.IsKnown);
    }

    [Fact]
    public async Task Parameters_are_validated_before_sending()
    {
        var handler = new RecordingHandler(() => Responses.Json("[]"));
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Client(handler).FindPhotosAsync(Pet, "n", "t", limit: 0, context: "too long"));
        Assert.Equal(["limit", "context"], ex.Errors.Select(e => e.Field));
        Assert.Equal("limit", ex.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Status_range_and_default_errors()
    {
        var problem = new RecordingHandler(() => Responses.Json(HttpStatusCode.NotFound, """{"title":"No pet","requestId":"r-9"}""", "application/problem+json"));
        var notFound = await Assert.ThrowsAsync<ApiException<Problem>>(() => Client(problem).FindPhotosAsync(Pet, "n", "t"));
        Assert.Equal("No pet", notFound.Error.Title);
        Assert.Equal("r-9", notFound.RequestId);

        var range = new RecordingHandler(() => Responses.Json(HttpStatusCode.TooManyRequests, """{"error":"slow down"}"""));
        var tooMany = await Assert.ThrowsAsync<ApiException<ClientError>>(() => Client(range).FindPhotosAsync(Pet, "n", "t"));
        Assert.Equal("slow down", tooMany.Error.Error);

        var other = new RecordingHandler(() => Responses.Text(HttpStatusCode.InternalServerError, "boom"));
        var serverError = await Assert.ThrowsAsync<ApiException>(() => Client(other).FindPhotosAsync(Pet, "n", "t"));
        Assert.Equal(typeof(ApiException), serverError.GetType());
        Assert.Equal("boom", serverError.ResponseBody);

        var typedDefault = new RecordingHandler(() => Responses.Json(HttpStatusCode.Conflict, """{"title":"locked"}"""));
        var conflict = await Assert.ThrowsAsync<ApiException<Problem>>(() => Client(typedDefault).DeletePetsByPetIdAsync("p1"));
        Assert.Equal("locked", conflict.Error.Title);
    }

    [Fact]
    public async Task Form_body_and_api_key_in_the_query()
    {
        var handler = new RecordingHandler(() => Responses.Empty(HttpStatusCode.NoContent));
        await Client(handler).SubmitFormAsync(new SubmitFormRequest { Name = "Tom & Jerry", Age = 3, Kind = SubmitFormRequestKind.Cat, Tags = ["a", "b c"], Owner = new Filter { Color = "red" } });
        var r = handler.Single;
        Assert.Equal(HttpMethod.Post, r.Method);
        Assert.Equal("https://features.test/v2/pets/form?api_key=key-SECRET-55", r.Uri.AbsoluteUri);
        Assert.Equal("application/x-www-form-urlencoded", r.ContentType);
        Assert.Equal("name=Tom+%26+Jerry&age=3&kind=cat&tags=a&tags=b+c&owner=%7B%22color%22%3A%22red%22%7D", r.BodyText);
    }

    [Fact]
    public async Task Multipart_body_with_a_file_and_api_key_cookie()
    {
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.Created, """{"id":"p1","name":"Rex"}"""));
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("PNGDATA"));
        var pet = await Client(handler).UploadPhotoAsync("p1", new UploadPhotoRequest { File = file, Description = "front", Meta = new Filter { Size = 2 } }, fileFileName: "rex.png");
        var r = handler.Single;
        Assert.Equal("https://features.test/v2/pets/p1/upload", r.Uri.AbsoluteUri);
        Assert.StartsWith("multipart/form-data", r.ContentType);
        Assert.Equal("key=key-SECRET-55", r.Header("Cookie"));
        var body = r.BodyText;
        Assert.Contains("Content-Disposition: form-data; name=\"file\"; filename=\"rex.png\"", body);
        Assert.Contains("PNGDATA", body);
        Assert.Contains("Content-Disposition: form-data; name=\"description\"", body);
        Assert.Contains("front", body);
        Assert.Contains("{\"size\":2}", body);
        Assert.Equal("Rex", pet.Name);
    }

    [Fact]
    public async Task Binary_body_and_streamed_binary_response_with_alternative_auth()
    {
        var handler = new RecordingHandler(() =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3, 4]) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            return response;
        });
        using var upload = new MemoryStream([9, 8, 7]);
        await using var stream = await Client(handler, o => { o.Username = "u"; o.Password = "p"; }).ReplaceRawAsync("p1", upload);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, copy.ToArray());

        var r = handler.Single;
        Assert.Equal(HttpMethod.Put, r.Method);
        Assert.Equal("application/octet-stream", r.ContentType);
        Assert.Equal(new byte[] { 9, 8, 7 }, r.Body);
        Assert.Equal(Clients.Basic("u", "p"), r.Header("Authorization")); // no bearer token: the basic alternative

        var bearer = new RecordingHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) });
        await using var _ = await Client(bearer, o => { o.BearerToken = "t"; o.Username = "u"; }).ReplaceRawAsync("p1", new MemoryStream());
        Assert.Equal("Bearer t", bearer.Single.Header("Authorization")); // the first alternative wins
    }

    [Fact]
    public async Task Text_body_and_text_response_without_security()
    {
        var handler = new RecordingHandler(() => Responses.Text(HttpStatusCode.OK, "héllo back"));
        var text = await Client(handler).EchoAsync("héllo");
        var r = handler.Single;
        Assert.Equal("text/plain; charset=utf-8", r.ContentType);
        Assert.Equal("héllo", r.BodyText);
        Assert.Null(r.Header("X-Api-Key"));
        Assert.Equal("héllo back", text);
    }

    [Fact]
    public async Task Several_success_types_give_a_result_per_status()
    {
#pragma warning disable CF1009 // getStatus is deprecated in the spec: the attribute is what this checks
        var ok = await Client(new RecordingHandler(() => Responses.Json("""{"id":"1","name":"Rex"}"""))).GetStatusAsync("p1");
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("Rex", ok.Status200!.Name);
        Assert.Null(ok.Status202);

        var pending = await Client(new RecordingHandler(() => Responses.Json(HttpStatusCode.Accepted, """{"retryAfterSeconds":5}"""))).GetStatusAsync("p1");
        Assert.Equal(5, pending.Status202!.RetryAfterSeconds);

        var gone = await Client(new RecordingHandler(() => Responses.Empty(HttpStatusCode.NoContent))).GetStatusAsync("p1");
        Assert.Equal(204, gone.StatusCode);
        Assert.Null(gone.Status200);

        await Assert.ThrowsAsync<UnexpectedResponseException>(() => Client(new RecordingHandler(() => Responses.Json(HttpStatusCode.PartialContent, "{}"))).GetStatusAsync("p1"));
#pragma warning restore CF1009
        var method = typeof(FeaturesClient).GetMethod(nameof(FeaturesClient.GetStatusAsync))!;
        Assert.NotNull(method.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
    }
}
