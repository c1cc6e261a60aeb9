using ContractFirst.Http;

namespace ContractFirst.Runtime.Tests;

public class UrlBuilderTests
{
    [Fact]
    public void Path_parameters_are_escaped_per_RFC3986()
    {
        string url = new UrlBuilder("/v1/orgs/").AppendPath("a/b c?d#e%f").AppendLiteral("/services/").AppendPath(42).ToString();
        Assert.Equal("/v1/orgs/a%2Fb%20c%3Fd%23e%25f/services/42", url);
        Assert.Equal("/x/%C3%A9-._~", new UrlBuilder("/x/").AppendPath("é-._~").ToString());
        Assert.Equal("/tags/a,b%2Cc", new UrlBuilder("/tags/").AppendPathArray(new[] { "a", "b,c" }).ToString());
        Assert.Equal("/t/.a.b", new UrlBuilder("/t/.").AppendPathArray(new[] { "a", "b" }, "t", ".").ToString());
        Assert.Equal("/t/;id=3;id=4", new UrlBuilder("/t/;id=").AppendPathArray(new[] { 3, 4 }, "id", ";id=").ToString());
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => new UrlBuilder("/").AppendPath((string?)null, "id")).ParamName);
    }

    [Fact]
    public void Values_are_formatted_invariantly()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            string url = new UrlBuilder("/q")
                .AddQuery("b", true)
                .AddQuery("d", 0.1)
                .AddQuery("big", 1e21)
                .AddQuery("m", 1.5m)
                .AddQuery("t", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)))
                .AddQuery("day", new DateOnly(2024, 1, 2))
                .AddQuery("g", Guid.Empty)
                .AddQuery("tier", Tier.Production)
                .AddQuery("p", new Priority(2))
                .ToString();
            Assert.Equal(
                "/q?b=true&d=0.1&big=1E%2B21&m=1.5&t=2024-01-02T03%3A04%3A05.0000000%2B02%3A00&day=2024-01-02&g=00000000-0000-0000-0000-000000000000&tier=production&p=2",
                url);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Nulls_are_skipped()
    {
        int? none = null;
        string? nothing = null;
        Assert.Equal("/q?a=1", new UrlBuilder("/q").AddQuery("n", none).AddQuery("a", 1).AddQuery("s", nothing).AddQueryArray<int>("arr", null).AddQueryObject<string>("o", null).ToString());
        Assert.Equal("/q?a=x&a=z", new UrlBuilder("/q").AddQueryArray("a", new[] { "x", null, "z" }).ToString());
    }

    [Theory]
    [InlineData(QueryStyle.Form, true, "/q?id=1&id=2&id=a%2Cb")]
    [InlineData(QueryStyle.Form, false, "/q?id=1,2,a%2Cb")]
    [InlineData(QueryStyle.SpaceDelimited, false, "/q?id=1%202%20a%2Cb")]
    [InlineData(QueryStyle.PipeDelimited, false, "/q?id=1%7C2%7Ca%2Cb")]
    public void Array_styles(QueryStyle style, bool explode, string expected)
    {
        Assert.Equal(expected, new UrlBuilder("/q").AddQueryArray("id", new[] { "1", "2", "a,b" }, style, explode).ToString());
    }

    [Fact]
    public void Empty_arrays()
    {
        Assert.Equal("/q", new UrlBuilder("/q").AddQueryArray("id", Array.Empty<int>()).ToString());
        Assert.Equal("/q?id=", new UrlBuilder("/q").AddQueryArray("id", Array.Empty<int>(), QueryStyle.Form, explode: false).ToString());
    }

    [Fact]
    public void Object_styles()
    {
        var color = new Dictionary<string, int?> { ["R"] = 100, ["G"] = 200, ["B"] = null };
        Assert.Equal("/q?color%5BR%5D=100&color%5BG%5D=200", new UrlBuilder("/q").AddQueryObject("color", color).ToString());
        Assert.Equal("/q?R=100&G=200", new UrlBuilder("/q").AddQueryObject("color", color, QueryStyle.Form, explode: true).ToString());
        Assert.Equal("/q?color=R,100,G,200", new UrlBuilder("/q").AddQueryObject("color", color, QueryStyle.Form, explode: false).ToString());
        Assert.Throws<ArgumentException>(() => new UrlBuilder("/q").AddQueryObject("c", color, QueryStyle.PipeDelimited));
        Assert.Throws<ArgumentException>(() => new UrlBuilder("/q").AddQueryArray("c", new[] { 1 }, QueryStyle.DeepObject));
    }

    [Fact]
    public void Query_names_and_values_are_escaped()
    {
        Assert.Equal("/q?a%26b=c%3Dd%26e&sp=x%20y&plus=1%2B1", new UrlBuilder("/q").AddQuery("a&b", "c=d&e").AddQuery("sp", "x y").AddQuery("plus", "1+1").ToString());
    }

    [Theory]
    [InlineData("https://api.example.com", "https://api.example.com/v1/items/a%2Fb?limit=5")]
    [InlineData("https://api.example.com/", "https://api.example.com/v1/items/a%2Fb?limit=5")]
    [InlineData("https://api.example.com/base", "https://api.example.com/base/v1/items/a%2Fb?limit=5")]
    [InlineData("https://api.example.com/base/?ignored=1", "https://api.example.com/base/v1/items/a%2Fb?limit=5")]
    public void ToUri_keeps_the_base_path(string baseAddress, string expected)
    {
        Uri uri = new UrlBuilder("/v1/items/").AppendPath("a/b").AddQuery("limit", 5).ToUri(new Uri(baseAddress));
        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Fact]
    public void Guid_and_integer_path_parameters_are_written_as_WireFormat_writes_them()
    {
        var id = Guid.Parse("5b3c1e0e-0d4c-4c1e-9d7c-2f1f1a0b9c01");
        string url = new UrlBuilder("/v1/orgs/").AppendPath(id).AppendLiteral("/n/").AppendPath(-42).AppendLiteral("/l/").AppendPath(long.MaxValue).AppendLiteral("/x/").AppendPath(7u).ToString();
        Assert.Equal($"/v1/orgs/{WireFormat.Format(id)}/n/-42/l/{long.MaxValue}/x/7", url);

        // A long path grows its buffer and loses nothing.
        var builder = new UrlBuilder();
        string expected = string.Empty;
        for (int i = 0; i < 20; i++)
        {
            builder.AppendLiteral("/seg/").AppendPath(id).AppendPath("a b");
            expected += "/seg/" + id.ToString("D") + "a%20b";
        }

        Assert.Equal(expected, builder.ToString());
        Assert.Equal("https://h" + expected, builder.ToUri(new Uri("https://h/")).AbsoluteUri);
    }

    [Fact]
    public void ToUri_follows_the_base_address_it_is_given()
    {
        // The root of the last base address is reused; another base must not get it.
        var url = new UrlBuilder("items/").AppendPath(5).AddQuery("q", "a b");
        Assert.Equal("https://a.example.com/v1/items/5?q=a%20b", url.ToUri(new Uri("https://a.example.com/v1/")).AbsoluteUri);
        Assert.Equal("https://b.example.com/items/5?q=a%20b", url.ToUri(new Uri("https://b.example.com")).AbsoluteUri);
        var c = new Uri("http://c.example.com:8080/api");
        Assert.Equal("http://c.example.com:8080/api/items/5?q=a%20b", url.ToUri(c).AbsoluteUri);
        Assert.Equal("http://c.example.com:8080/api/items/5?q=a%20b", url.ToUri(c).AbsoluteUri);
        Assert.Equal("items/5?q=a%20b", url.ToString());
        Assert.Equal("https://h/base/", new UrlBuilder("/").ToUri(new Uri("https://h/base/")).AbsoluteUri);
    }

    [Fact]
    public void Escaped_reserved_characters_survive_Uri()
    {
        Uri uri = new UrlBuilder("/v1/").AppendPath("x|y[z]").AddQueryArray("p", new[] { 1, 2 }, QueryStyle.PipeDelimited, false).AddQueryObject("o", new Dictionary<string, string> { ["k"] = "v" }).ToUri(new Uri("https://h"));
        Assert.Equal("/v1/x%7Cy%5Bz%5D?p=1%7C2&o%5Bk%5D=v", uri.PathAndQuery);
    }
}
