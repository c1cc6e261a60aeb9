using System.Text;
using ContractFirst.Http;
using Microsoft.Extensions.Configuration;

namespace ContractFirst.Runtime.Tests;

public class AuthAndOptionsTests
{
    private static HttpRequestMessage Request() => new(HttpMethod.Get, "https://h/x?a=1");

    [Fact]
    public void Bearer_and_basic()
    {
        HttpRequestMessage r = Request();
        ApiAuth.ApplyBearer(r, "tok");
        Assert.Equal("Bearer tok", r.Headers.Authorization!.ToString());

        r = Request();
        ApiAuth.ApplyBasic(r, "ü", "p:w");
        Assert.Equal("Basic", r.Headers.Authorization!.Scheme);
        Assert.Equal("ü:p:w", Encoding.UTF8.GetString(Convert.FromBase64String(r.Headers.Authorization.Parameter!)));

        r = Request();
        ApiAuth.ApplyBearer(r, null);
        ApiAuth.ApplyBasic(r, null, "x");
        Assert.Null(r.Headers.Authorization);
    }

    [Fact]
    public void Api_key_in_header_query_and_cookie()
    {
        HttpRequestMessage r = Request();
        ApiAuth.ApplyApiKeyHeader(r, "X-API-Key", "k1");
        Assert.Equal("k1", r.Headers.GetValues("X-API-Key").Single());

        ApiAuth.ApplyApiKeyQuery(r, "api_key", "k 2&");
        Assert.Equal("https://h/x?a=1&api_key=k%202%26", r.RequestUri!.AbsoluteUri);
        var noQuery = new HttpRequestMessage(HttpMethod.Get, "https://h/x");
        ApiAuth.ApplyApiKeyQuery(noQuery, "key", "v");
        Assert.Equal("https://h/x?key=v", noQuery.RequestUri!.AbsoluteUri);

        r.Headers.Add("Cookie", "theme=dark");
        ApiAuth.ApplyApiKeyCookie(r, "session", "s;3");
        Assert.Equal("theme=dark; session=s%3B3", r.Headers.GetValues("Cookie").Single());
    }

    [Fact]
    public void ToString_redacts_secrets()
    {
        var options = new ContractFirstClientOptions
        {
            BaseAddress = new Uri("https://api.example.com/v1?token=QUERYSECRET"),
            BearerToken = "BEARERSECRET",
            Username = "alice",
            Password = "PASSWORDSECRET",
            ApiKey = "APIKEYSECRET",
            DefaultHeaders = { ["X-Api-Key"] = "HEADERSECRET" },
        };
        string text = options.ToString();
        foreach (string secret in new[] { "QUERYSECRET", "BEARERSECRET", "PASSWORDSECRET", "APIKEYSECRET", "HEADERSECRET" })
        {
            Assert.DoesNotContain(secret, text);
        }

        Assert.Contains("alice", text);
        Assert.Contains("X-Api-Key", text);
        Assert.Contains("BearerToken = ***", text);
        Assert.Contains("ApiKey = (null)", new ContractFirstClientOptions().ToString());
    }

    [Fact]
    public void Defaults()
    {
        var options = new ContractFirstClientOptions();
        Assert.True(options.ValidateRequests);
        Assert.True(options.Retry.Enabled);
        Assert.Equal(3, options.Retry.MaxRetryAttempts);
    }

    [Fact]
    public void Binds_from_configuration_without_reflection()
    {
        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Api:BaseAddress"] = "https://api.example.com/",
            ["Api:BearerToken"] = "t",
            ["Api:ValidateRequests"] = "false",
            ["Api:DefaultHeaders:X-Workspace-Id"] = "ws",
            ["Api:Retry:MaxRetryAttempts"] = "5",
            ["Api:Retry:MaxDelay"] = "00:00:10",
            ["Api:Retry:Enabled"] = "true",
        }).Build();
        var options = new ContractFirstClientOptions { ApiKey = "kept" };
        options.Bind(config.GetSection("Api"));
        Assert.Equal(new Uri("https://api.example.com/"), options.BaseAddress);
        Assert.Equal("t", options.BearerToken);
        Assert.Equal("kept", options.ApiKey);
        Assert.False(options.ValidateRequests);
        Assert.Equal("ws", options.DefaultHeaders["X-Workspace-Id"]);
        Assert.Equal(5, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Retry.MaxDelay);

        IConfiguration bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Api:Retry:MaxRetryAttempts"] = "many" }).Build();
        var ex = Assert.Throws<InvalidOperationException>(() => new ContractFirstClientOptions().Bind(bad.GetSection("Api")));
        Assert.Contains("Api:Retry:MaxRetryAttempts", ex.Message);
    }
}
