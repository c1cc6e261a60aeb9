using ContractFirst.Generator.Model;
using Xunit;

namespace ContractFirst.Generator.Tests;

/// <summary>CONTRACT.md, Names.</summary>
public class NamingTests
{
    [Theory]
    [InlineData("service_type", "ServiceType")]
    [InlineData("minTotalMemoryGb", "MinTotalMemoryGb")]
    [InlineData("Api_V1_Entities_Service", "ApiV1EntitiesService")]
    [InlineData("clickhouse-cloud", "ClickhouseCloud")]
    [InlineData("VALIDATION_ERROR", "ValidationError")]
    [InlineData("RWO", "Rwo")]
    [InlineData("$special[model.name]", "SpecialModelName")]
    [InlineData("123Start", "_123Start")]
    [InlineData("0", "_0")]
    [InlineData("名前", "名前")]
    [InlineData("ipAccessList", "IpAccessList")]
    [InlineData("HTTPServer", "HTTPServer")]
    [InlineData("", "Value")]
    [InlineData("---", "Value")]
    public void Pascal_case_follows_the_contract(string name, string expected) => Assert.Equal(expected, Identifiers.ToPascalCase(name));

    [Theory]
    [InlineData("organizationId", "organizationId")]
    [InlineData("X-Workspace-Id", "xWorkspaceId")]
    [InlineData("class", "@class")]
    public void Parameters_are_camel_case_and_keywords_are_escaped(string name, string expected) => Assert.Equal(expected, Identifiers.ToCamelCase(name));

    [Fact]
    public void Clashes_get_a_stable_numeric_suffix()
    {
        var taken = new HashSet<string>();
        Assert.Equal("Pet", Identifiers.Unique("Pet", taken));
        Assert.Equal("Pet2", Identifiers.Unique("Pet", taken));
        Assert.Equal("Pet3", Identifiers.Unique("Pet", taken));
        Assert.Equal("classValue", Identifiers.Safe("class"));
    }
}
