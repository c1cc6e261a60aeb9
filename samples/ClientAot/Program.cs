using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClickHouse.Cloud;
using ContractFirst;
using ContractFirst.Validation;
using Microsoft.Extensions.DependencyInjection;

// The generated ClickHouse client, trimmed, against a fake server: each line printed is checked by AotSampleTests.
var organization = Guid.Parse("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
var service = Guid.Parse("11111111-1111-1111-1111-111111111111");
var server = new FakeClickHouse();
var options = new ClickHouseCloudClientOptions { BaseAddress = new Uri("https://api.clickhouse.test"), Username = "key-id", Password = "secret" };
var client = new ClickHouseCloudClient(new HttpClient(server), options);

var list = await client.ListServicesAsync(organization);
Console.WriteLine($"list: {list.Result.Count} services, first {list.Result[0].Name} ({list.Result[0].State}, known={list.Result[0].State!.Value.IsKnown})");

var created = await client.CreateServiceAsync(organization, new ServicePostRequest { Name = "analytics", Provider = ServicePostRequestProvider.Aws, Region = "eu-west-1", MinTotalMemoryGb = 24 });
Console.WriteLine($"create: sent {server.LastBody}; password {created.Result.Password}");

try
{
    await client.GetServiceAsync(organization, Guid.Empty);
}
catch (ApiException<ApiError> ex)
{
    Console.WriteLine($"error: {ex.StatusCode} {ex.Error.Error} request {ex.RequestId}");
}

try
{
    await client.UpdateServiceScalingAsync(organization, service, new ServiceScalingPatchRequest { MinTotalMemoryGb = Values.NotAMultipleOf12 });
}
catch (RequestValidationException ex)
{
    Console.WriteLine($"validation: {ex.ParamName}");
}

try
{
    await client.GetServiceAsync(organization, service);
}
catch (UnexpectedResponseException ex)
{
    Console.WriteLine($"unexpected: {ex.Expected}");
}

// The DI registration (IHttpClientFactory, retry and logging handlers), trimmed too.
var services = new ServiceCollection();
services.AddClickHouseCloudClient(o => { o.BaseAddress = new Uri("https://api.clickhouse.test"); o.Retry.BaseDelay = TimeSpan.Zero; })
    .ConfigurePrimaryHttpMessageHandler(() => new FakeClickHouse());
using (var provider = services.BuildServiceProvider())
{
    var backups = await provider.GetRequiredService<ClickHouseCloudClient>().ListServiceBackupsAsync(organization, service);
    Console.WriteLine($"di: {backups.Result.Count} backups, status {backups.Result[0].Status}");
}

Console.WriteLine("done");
return 0;

internal static class Values
{
    // Not a constant, so that the analyzer does not flag the violation that this sample makes on purpose.
    public static double NotAMultipleOf12 => double.Parse("30", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class FakeClickHouse : HttpMessageHandler
{
    public string? LastBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/00000000-0000-0000-0000-000000000000", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.NotFound, """{"status":404,"error":"Service not found","requestId":"0b9c6f53-6a2c-4a43-9d1b-55b0a1c1e001"}""");
        }

        return (request.Method.Method, path.Split('/')[^1]) switch
        {
            ("GET", "services") => Json(HttpStatusCode.OK, """{"status":200,"result":[{"name":"warehouse","state":"hibernating"},{"name":"events","state":"running"}]}"""),
            ("POST", "services") => Json(HttpStatusCode.OK, """{"status":200,"result":{"service":{"name":"analytics"},"password":"p@ss"}}"""),
            ("GET", "backups") => Json(HttpStatusCode.OK, """{"status":200,"result":[{"status":"done"}]}"""),
            ("GET", _) => Json(HttpStatusCode.OK, """{"status":200}"""), // missing the required "result"
            _ => Json(HttpStatusCode.NotFound, """{"status":404,"error":"no route"}"""),
        };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return response;
    }
}
