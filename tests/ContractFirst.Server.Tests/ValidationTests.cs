using System.Globalization;
using System.Reflection;
using ContractFirst.Constraints;
using ContractFirst.Server.Tests.Infrastructure;

namespace ContractFirst.Server.Tests;

/// <summary>
/// Spec-driven: for every constrained field of every request body, the cases are derived (by reflection, here in the
/// test) from the constraint attributes that the generator put on the generated types: one valid and one invalid value
/// per constraint, plus a wrong JSON type per field and the omission of each required field. Valid values reach the
/// handler; invalid ones answer 400 naming the field, and never reach it.
/// </summary>
public sealed class ValidationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (var op in BodyOperation.All)
        {
            foreach (var property in op.BodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var wire = property.GetCustomAttribute<WireNameAttribute>()?.Name;
                if (wire is null) continue;
                foreach (var (rule, value, valid) in CasesFor(property)) yield return new object[] { op.Key, wire, rule, value, valid };
                if (property.GetCustomAttribute<SpecRequiredAttribute>() is not null) yield return new object[] { op.Key, wire, "required", "(absent)", false };
            }
        }
    }

    private static IEnumerable<(string Rule, string Json, bool Valid)> CasesFor(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var allowed = type.GetCustomAttribute<AllowedValuesAttribute>();
        if (allowed is not null)
        {
            foreach (var value in allowed.Values) yield return ("enum", Json(value), true);
            yield return ("enum", Json("definitely-not-in-the-spec"), false);
            yield return ("enum", Json(allowed.Values[0].ToUpperInvariant() == allowed.Values[0] ? allowed.Values[0].ToLowerInvariant() + "x" : allowed.Values[0].ToUpperInvariant()), false);
            yield return ("type", "42", false);
            yield break;
        }

        if (type == typeof(string))
        {
            var min = property.GetCustomAttribute<MinLengthAttribute>()?.Length;
            var max = property.GetCustomAttribute<MaxLengthAttribute>()?.Length;
            if (min is { } n)
            {
                yield return ("minLength", Json(new string('a', Math.Max(n, 1))), true);
                yield return ("minLength (code points)", Json(string.Concat(Enumerable.Repeat("😀", Math.Max(n, 1)))), true);
                if (n > 0) yield return ("minLength", Json(new string('a', n - 1)), false);
            }

            if (max is { } m)
            {
                yield return ("maxLength", Json(new string('a', m)), true);
                yield return ("maxLength", Json(new string('a', m + 1)), false);
            }

            yield return ("type", "123", false);
            yield return ("type", "{}", false);
            yield break;
        }

        if (type == typeof(bool))
        {
            yield return ("type", "true", true);
            yield return ("type", "\"yes\"", false);
            yield break;
        }

        var integer = type == typeof(int) || type == typeof(long);
        if (!integer && type != typeof(double) && type != typeof(float) && type != typeof(decimal)) yield break;

        var minimum = property.GetCustomAttribute<MinimumAttribute>();
        var maximum = property.GetCustomAttribute<MaximumAttribute>();
        var multipleOf = property.GetCustomAttribute<MultipleOfAttribute>() is { } mo ? decimal.Parse(mo.Value, CultureInfo.InvariantCulture) : (decimal?)null;
        var step = multipleOf ?? 1m;
        decimal Lowest()
        {
            if (minimum is null) return multipleOf ?? 1m;
            var bound = decimal.Parse(minimum.Value, CultureInfo.InvariantCulture);
            var lowest = minimum.Exclusive ? bound + (multipleOf is null ? (integer ? 1m : 0.5m) : 0m) : bound;
            if (multipleOf is { } d) lowest = Math.Ceiling(lowest / d) * d + (minimum.Exclusive && Math.Ceiling(bound / d) * d == bound ? d : 0m);
            return lowest;
        }

        decimal Highest()
        {
            var bound = decimal.Parse(maximum!.Value, CultureInfo.InvariantCulture);
            var highest = maximum.Exclusive ? bound - (multipleOf is null ? (integer ? 1m : 0.5m) : 0m) : bound;
            if (multipleOf is { } d) highest = Math.Floor(highest / d) * d - (maximum.Exclusive && Math.Floor(bound / d) * d == bound ? d : 0m);
            return highest;
        }

        if (minimum is not null)
        {
            var bound = decimal.Parse(minimum.Value, CultureInfo.InvariantCulture);
            yield return (minimum.Exclusive ? "exclusiveMinimum" : "minimum", Number(Lowest()), true);
            yield return (minimum.Exclusive ? "exclusiveMinimum" : "minimum", Number(minimum.Exclusive ? bound : bound - step), false);
        }

        if (maximum is not null)
        {
            var bound = decimal.Parse(maximum.Value, CultureInfo.InvariantCulture);
            yield return (maximum.Exclusive ? "exclusiveMaximum" : "maximum", Number(Highest()), true);
            yield return (maximum.Exclusive ? "exclusiveMaximum" : "maximum", Number(maximum.Exclusive ? bound : bound + step), false);
        }

        if (multipleOf is { } divisor)
        {
            yield return ("multipleOf", Number(Lowest() + divisor), true);
            yield return ("multipleOf", Number(Lowest() + divisor / 2), false);
        }

        if (integer) yield return ("type (integer)", Number(Lowest()) + ".5", false);
        yield return ("type", "\"12\"", false);
    }

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value, ContractFirst.Json.RuntimeJsonContext.Default.String);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void The_specs_yield_cases_for_every_kind_of_constraint()
    {
        var rules = Cases().Select(c => ((string)c[2]).Split(' ')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "enum", "minLength", "minimum", "maximum", "multipleOf", "type", "required" }, rules);
        Assert.True(Cases().Count() > 100, Cases().Count().ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Body_field(string operation, string field, string rule, string value, bool valid)
    {
        var op = BodyOperation.Get(operation);
        var json = value == "(absent)" ? op.With(field, null) : op.With(field, value);
        var before = server.Calls.Count(operation);
        using var response = await server.Http.SendAsync(op.Request(json));
        var text = await response.Content.ReadAsStringAsync();
        if (valid)
        {
            Assert.True(response.IsSuccessStatusCode, $"{rule} {field}={value}: {(int)response.StatusCode} {text}");
            Assert.Equal(before + 1, server.Calls.Count(operation));
        }
        else
        {
            Assert.True((int)response.StatusCode == 400, $"{rule} {field}={value}: {(int)response.StatusCode} {text}");
            BodyOperation.AssertNamesField(op.Spec, text, response.Content.Headers.ContentType?.MediaType, field);
            Assert.Equal(before, server.Calls.Count(operation));
        }
    }

    [Theory]
    [InlineData("/v1/organizations/not-a-uuid/services", "organizationId")]
    [InlineData("/v1/organizations/5b3c1e0e-0d4c-4c1e-9d7c-2f1f1a0b9c01/services/12345/backups", "serviceId")]
    [InlineData("/v1/organizations/5b3c1e0e-0d4c-4c1e-9d7c-2f1f1a0b9c01/services/7d9e6a51-2b7c-4f0d-8e2a-7c3b9f4d1e02/backups/%F0%9F%98%80", "backupId")]
    public async Task Path_parameter_types_are_checked(string path, string field)
    {
        var before = server.Calls.Total;
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, path, auth: "basic"));
        Assert.Equal(400, (int)response.StatusCode);
        BodyOperation.AssertNamesField("clickhouse", await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType, field);
        Assert.Equal(before, server.Calls.Total);
    }

    [Fact]
    public async Task Every_error_is_collected_and_reported()
    {
        var op = BodyOperation.Get("bridgeport.createDatabase");
        using var response = await server.Http.SendAsync(op.Request("""{"name":"","type":"postgres","port":0,"backupCompressionLevel":10,"backupFormat":"zip"}"""));
        Assert.Equal(400, (int)response.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = doc.RootElement.GetProperty("message").GetString()!;
        Assert.Contains("(4 errors)", message);
        foreach (var field in new[] { "name", "port", "backupCompressionLevel", "backupFormat" }) Assert.Contains(field, message);
        Assert.Equal("name", doc.RootElement.GetProperty("field").GetString());
        Assert.Contains("port", doc.RootElement.GetProperty("hint").GetString());

        var miget = BodyOperation.Get("miget.createService");
        using var problem = await server.Http.SendAsync(miget.Request("""{"service_type":"mysql","project_id":1,"miget_id":2,"label":"x","storage_access":"RWZ"}"""));
        using var problemDoc = System.Text.Json.JsonDocument.Parse(await problem.Content.ReadAsStringAsync());
        var errors = problemDoc.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("service_type", out _));
        Assert.True(errors.TryGetProperty("storage_access", out _));
    }

    [Fact]
    public async Task Multiple_of_is_exact_in_decimal()
    {
        // 0.1-style binary noise must not matter: 36 is a multiple of 12, 36.000000000000001 is not.
        var op = BodyOperation.Get("clickhouse.updateServiceScaling");
        using var ok = await server.Http.SendAsync(op.Request("""{"minTotalMemoryGb":36.0}"""));
        Assert.Equal(200, (int)ok.StatusCode);
        using var bad = await server.Http.SendAsync(op.Request("""{"minTotalMemoryGb":36.5}"""));
        Assert.Equal(400, (int)bad.StatusCode);
    }
}
