using System.Net.Http.Headers;
using System.Text;
using ContractFirst.Server.Tests.Infrastructure;

namespace ContractFirst.Server.Tests;

/// <summary>Hostile input answers 4xx, never 5xx, and never reaches the handler.</summary>
public sealed class HostileInputTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly BodyOperation Bridgeport = BodyOperation.Get("bridgeport.createDatabase");
    private static readonly BodyOperation ClickHouse = BodyOperation.Get("clickhouse.createService");
    private static readonly BodyOperation Miget = BodyOperation.Get("miget.createBucket");

    public static IEnumerable<object[]> MalformedBodies() => new[]
    {
        "{", "}", "{\"name\":}", "{\"name\":\"db\",\"type\":\"postgres\",}", "{\"name\":\"db\" \"type\":\"postgres\"}", "[]", "null", "\"db\"", "42", "true",
        "{\"name\":\"db\",\"type\":\"postgres\"} trailing", "{\"name\":\"db\",\"type\":\"postgres\"}{}", "/* c */{\"name\":\"db\",\"type\":\"postgres\"}",
        "{\"name\":'db',\"type\":\"postgres\"}", "{name:\"db\",\"type\":\"postgres\"}", "{\"name\":\"db\",\"type\":\"postgres\",\"port\":NaN}",
        "{\"name\":\"db\",\"type\":\"postgres\",\"port\":1e999}", "{\"name\":\"db\",\"type\":\"postgres\",\"port\":99999999999999999999}",
        "{\"name\":\"db\",\"type\":\"postgres\",\"port\":-0.0001}", "{\"name\":\"db\",\"type\":\"postgres\",\"useSsl\":\"true\"}",
        "{\"name\":\"db\",\"type\":\"postgres\",\"pgDumpOptions\":[]}", "{\"name\":\"db\",\"type\":\"postgres\",\"pgDumpOptions\":{\"noOwner\":1}}",
        "{\"name\":null,\"type\":\"postgres\"}", "{\"name\":\"\\ud800\",\"type\":\"postgres\"}", "{\"name\":\"\\udc00x\\ud800\",\"type\":\"postgres\"}",
        "{\"name\":\"\\u00\",\"type\":\"postgres\"}", "{\"name\":\"a\u0001b\",\"type\":\"postgres\"}", " ", "\u0000",
    }.Select(b => new object[] { b });

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_or_mistyped_json_is_400(string body)
    {
        var before = server.Calls.Total;
        using var response = await server.Http.SendAsync(Bridgeport.Request(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 400, $"{(int)response.StatusCode}: {text}");
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal("VALIDATION_ERROR", doc.RootElement.GetProperty("code").GetString());
        Assert.Equal(before, server.Calls.Total);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x7D })]                // invalid UTF-8
    [InlineData(new byte[] { 0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })] // {"n":"<bad utf-8>"}
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D })]    // UTF-16 BOM
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]                      // a BOM and nothing else
    public async Task Invalid_utf8_is_400(byte[] bytes)
    {
        var before = server.Calls.Total;
        using var request = Bridgeport.Request("");
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(before, server.Calls.Total);
    }

    [Fact]
    public async Task A_utf8_bom_is_accepted_and_unicode_round_trips()
    {
        using var request = Bridgeport.Request("");
        var json = "{\"name\":\"caf\u00e9 \\ud83d\\ude00 \u0645\u0631\u062d\u0628\u0627 \u200b\",\"type\":\"postgres\"}";
        request.Content = new ByteArrayContent(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray());
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(201, (int)response.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal("caf\u00e9 \U0001F600 \u0645\u0631\u062d\u0628\u0627 \u200b", doc.RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Wrong_content_type_is_415(string contentType)
    {
        var before = server.Calls.Total;
        using var response = await server.Http.SendAsync(Bridgeport.Request(Bridgeport.ValidJson, contentType));
        Assert.Equal(415, (int)response.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("VALIDATION_ERROR", doc.RootElement.GetProperty("code").GetString());
        Assert.Contains("application/json", doc.RootElement.GetProperty("message").GetString());
        Assert.Equal(before, server.Calls.Total);
    }

    [Fact]
    public async Task Missing_content_type_is_415_and_json_suffix_types_are_accepted()
    {
        using var request = Bridgeport.Request("");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Bridgeport.ValidJson));
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(415, (int)response.StatusCode);

        using var ok = await server.Http.SendAsync(Bridgeport.Request(Bridgeport.ValidJson, "application/vnd.bridgeport+json; charset=utf-8"));
        Assert.Equal(201, (int)ok.StatusCode);
    }

    [Fact]
    public async Task Missing_body_is_400()
    {
        var before = server.Calls.Total;
        using var request = new HttpRequestMessage(HttpMethod.Post, Bridgeport.Path);
        ServerFixture.Authorize(request, "bearer");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(before, server.Calls.Total);
    }

    [Fact]
    public async Task Huge_body_with_content_length_is_413()
    {
        var before = server.Calls.Total;
        var huge = "{\"name\":\"" + new string('a', (int)ServerFixture.BodyLimit + 10) + "\",\"type\":\"postgres\"}";
        using var response = await server.Http.SendAsync(ClickHouse.Request(huge));
        Assert.Equal(413, (int)response.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(413, doc.RootElement.GetProperty("status").GetDouble());
        Assert.Equal(before, server.Calls.Total);
    }

    [Fact]
    public async Task Huge_chunked_body_is_413_without_buffering_it()
    {
        // Raw HTTP/1.1 with Transfer-Encoding: chunked (no Content-Length): the server must stop at the limit and answer
        // 413 while the client is still sending (an HttpClient would report the closed connection instead).
        var before = server.Calls.Total;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST {Miget.Path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {ServerFixture.Token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var chunk = new byte[16 * 1024];
        Array.Fill(chunk, (byte)'a');
        var chunkHead = Encoding.ASCII.GetBytes(chunk.Length.ToString("x") + "\r\n");
        var sent = 0L;
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("a\r\n{\"label\":\"\r\n"));
            while (sent < ServerFixture.BodyLimit * 4)
            {
                await stream.WriteAsync(chunkHead);
                await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n"u8.ToArray());
                sent += chunk.Length;
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering: expected.
        }

        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        var response = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 413", response);
        Assert.Contains("application/problem+json", response);
        Assert.Equal(before, server.Calls.Total);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(10_000)]
    public async Task Deep_nesting_is_400(int depth)
    {
        var before = server.Calls.Total;
        // additionalProperties are kept as JSON values, so depth is the only limit on them.
        var deep = new string('[', depth) + new string(']', depth);
        using var response = await server.Http.SendAsync(Bridgeport.Request("{\"name\":\"db\",\"type\":\"postgres\",\"extra\":" + deep + "}"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(before, server.Calls.Total);
    }

    [Fact]
    public async Task Moderate_nesting_in_unknown_properties_is_accepted()
    {
        var deep = new string('[', 30) + new string(']', 30);
        using var response = await server.Http.SendAsync(Bridgeport.Request("{\"name\":\"db\",\"type\":\"postgres\",\"extra\":" + deep + "}"));
        Assert.Equal(201, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Undeclared_methods_are_405(string method)
    {
        using var response = await server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), Bridgeport.Path));
        Assert.Equal(405, (int)response.StatusCode);
    }

    [Fact]
    public async Task Hostile_request_ids_are_replaced()
    {
        using var request = Bridgeport.Request("{");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "<script>alert(1)</script>");
        using var response = await server.Http.SendAsync(request);
        var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.StartsWith("req_", id);
        Assert.DoesNotContain("script", await response.Content.ReadAsStringAsync());
    }
}
