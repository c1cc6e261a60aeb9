using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ContractFirst.Analyzers.Constraints;
using ContractFirst.Validation;
using Xunit;

namespace ContractFirst.Analyzers.Tests;

/// <summary>The arithmetic, text and catalogue pieces on their own.</summary>
public sealed class HelperTests
{
    [Theory]
    [InlineData("produciton", "production", 1)]
    [InlineData("postgress", "postgres", 1)]
    [InlineData("rwx", "RWX", 0)]
    [InlineData("ca", "abc", 3)] // Optimal string alignment: no edit of a transposed pair.
    [InlineData("abc", "", 3)]
    public void Damerau_levenshtein_distance(string source, string target, int distance) =>
        Assert.Equal(distance, TextMetrics.DamerauLevenshtein(source, target, limit: 10));

    [Theory]
    [InlineData("produciton", "production")]
    [InlineData("PRODUCTION", "production")]
    [InlineData("dedicated_hi_mem", "dedicated_high_mem")]
    [InlineData("staging", null)]
    [InlineData("x", null)]
    public void Suggestions_prefer_case_insensitive_matches_then_close_ones(string value, string? expected)
    {
        var set = AllowedValueSet.FromWireValues(ImmutableArray.Create("development", "production", "dedicated_high_mem", "dedicated_high_cpu"));
        Assert.Equal(expected, set.Suggest(value));
    }

    [Theory]
    [InlineData("1", 1, true)]
    [InlineData("1.0", 1L, true)]
    [InlineData("1e0", 1.0, true)]
    [InlineData("2.50", 2.5f, true)]
    [InlineData("0.1", 0.1, true)]
    [InlineData("1", "1", false)]
    [InlineData("\"1\"", "1", true)]
    [InlineData("\"1\"", 1, false)]
    [InlineData("\"A\"", "a", false)]
    [InlineData("\"caf\\u00e9 \\\"x\\\"\"", "café \"x\"", true)]
    [InlineData("true", true, true)]
    [InlineData("true", false, false)]
    [InlineData("true", "true", false)]
    [InlineData("null", "null", false)]
    [InlineData("{\"a\":1}", "a", false)]
    public void Json_values_compare_as_json_schema_does(string json, object constant, bool equal)
    {
        Assert.True(JsonLiteral.TryParse(json, out var literal));
        Assert.Equal(equal, literal.Matches(constant));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tru")]
    [InlineData("\"open")]
    [InlineData("\"bad \\q escape\"")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    public void Text_that_is_not_json_is_not_a_value(string json) => Assert.False(JsonLiteral.TryParse(json, out _));

    [Fact]
    public void Json_value_sets_suggest_the_nearest_number_and_the_other_boolean()
    {
        var set = AllowedValueSet.FromJson(ImmutableArray.Create("1.5", "2", "10", "true", "\"x\""))!;
        Assert.True(set.Contains(2.0));
        Assert.True(set.Contains("x"));
        Assert.False(set.Contains("2"));
        Assert.False(set.Contains(false));
        Assert.True(set.Contains('c')); // Not a JSON value: nothing to say.
        Assert.Equal("1.5", Nearest(1.7));
        Assert.Equal("10", Nearest(7));
        Assert.Equal("1.5", Nearest(-1e300));
        Assert.True(set.SuggestBoolean(false));
        Assert.Null(set.SuggestBoolean(true));
        Assert.Equal("1.5, 2, 10, true, 'x'", set.Describe());

        string? Nearest(double value) => SpecNumber.TryFromConstant(value, out var number) ? set.SuggestNumber(number)?.ToString() : null;
    }

    [Theory]
    [InlineData("30", "12", null, null, "24", "36")]
    [InlineData("13", "12", "24", "720", null, "24")]
    [InlineData("1000", "12", "24", "720", "720", null)]
    [InlineData("-5", "12", null, null, "-12", "0")]
    [InlineData("0.25", "0.1", null, null, "0.2", "0.3")]
    public void Nearest_multiples(string value, string divisor, string? minimum, string? maximum, string? lower, string? higher)
    {
        var bounds = new NumericBounds(Parse(minimum), false, Parse(maximum), false);
        MultipleOfMath.FindNearest(Parse(value)!.Value.Decimal, Parse(divisor)!.Value.Decimal, bounds, out var below, out var above);
        Assert.Equal(Parse(lower)?.Decimal, below);
        Assert.Equal(Parse(higher)?.Decimal, above);

        static SpecNumber? Parse(string? text) => text is null ? null : SpecNumber.TryParse(text, out var number) ? number : throw new FormatException(text);
    }

    [Fact]
    public void Nearest_multiples_come_from_the_exact_remainder_as_at_run_time()
    {
        // 2.9999999999999999999999999999 / 3 rounds to 1 in decimal: the run-time check, which floored that quotient,
        // named 3 and 6; both now use ConstraintMath (SchemaChecks.NearestMultiples gives 0 and 3 too).
        const decimal value = 2.9999999999999999999999999999m;
        Assert.True(ConstraintMath.TryNearestMultiples(value, 3m, out var lower, out var upper));
        Assert.Equal((0m, 3m), (lower, upper));
        MultipleOfMath.FindNearest(value, 3m, default, out var below, out var above);
        Assert.Equal(0m, below);
        Assert.Equal(3m, above);
        Assert.Equal(3m, MultipleOfMath.SmallestMultipleAtLeast(value, exclusive: false, 3m));
        Assert.Equal(0m, MultipleOfMath.LargestMultipleAtMost(value, exclusive: false, 3m));
    }

    [Fact]
    public void Doubles_read_as_their_shortest_round_trip_text_as_at_run_time()
    {
        Assert.True(SpecNumber.TryFromConstant(0.1 + 0.2, out var sum));
        Assert.Equal("0.30000000000000004", sum.ToString());
        Assert.False(ConstraintMath.IsMultipleOf(sum.Decimal, 0.1m));
        Assert.True(SpecNumber.TryFromConstant(0.3, out var literal));
        Assert.Equal("0.3", literal.ToString());
        Assert.True(SpecNumber.TryFromConstant(1e-40, out var tiny));
        Assert.False(tiny.IsDecimal); // not 0
        Assert.False(ConstraintMath.IsMultipleOf(1e-40, 0.1m));
        Assert.True(ConstraintMath.IsMultipleOf(1e300, 12m));
        Assert.False(ConstraintMath.IsMultipleOf(double.PositiveInfinity, 12m));
    }

    /// <summary>The analyzer's copy of ConstraintMath is the netstandard2.0 build: its text path must agree with the runtime's.</summary>
    [Fact]
    public void Floats_read_as_their_shortest_round_trip_text_as_at_run_time()
    {
        Assert.Equal(0.1, ConstraintMath.ToWireDouble(0.1f));
        Assert.Equal(0.3, ConstraintMath.ToWireDouble(0.3f));
        Assert.Equal(16777216d, ConstraintMath.ToWireDouble(16777216f));
        Assert.Equal(3.4028235e38, ConstraintMath.ToWireDouble(float.MaxValue));
        Assert.Equal(1e-45, ConstraintMath.ToWireDouble(float.Epsilon));
        Assert.Equal(-0.35, ConstraintMath.ToWireDouble(-0.35f));
        Assert.True(double.IsNaN(ConstraintMath.ToWireDouble(float.NaN)));
        Assert.Equal(double.PositiveInfinity, ConstraintMath.ToWireDouble(float.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, ConstraintMath.ToWireDouble(float.NegativeInfinity));
        Assert.True(SpecNumber.TryFromConstant(0.1f, out var tenth));
        Assert.Equal("0.1", tenth.ToString());
        Assert.True(ConstraintMath.IsMultipleOf(tenth.Decimal, 0.1m));
        Assert.False(SpecNumber.TryFromConstant(float.NaN, out _));
    }

    [Fact]
    public void No_multiple_within_the_bounds_gives_no_suggestion()
    {
        var bounds = new NumericBounds(SpecNumber.FromDecimal(25), false, SpecNumber.FromDecimal(35), false);
        MultipleOfMath.FindNearest(30, 12, bounds, out var below, out var above);
        Assert.Null(below);
        Assert.Null(above);
    }

    [Fact]
    public void Spec_numbers_are_exact_and_print_without_trailing_zeros()
    {
        Assert.True(SpecNumber.TryParse("0.1", out var tenth));
        Assert.True(ConstraintMath.IsMultipleOf(0.3m, tenth.Decimal));
        Assert.True(SpecNumber.TryFromConstant(36.0, out var fromDouble));
        Assert.Equal("36", fromDouble.ToString());
        Assert.True(SpecNumber.TryParse("1e40", out var huge));
        Assert.False(huge.IsDecimal);
        Assert.False(SpecNumber.TryFromConstant(double.NaN, out _));
    }

    [Fact]
    public void Code_points_count_surrogate_pairs_once()
    {
        Assert.Equal(3, ConstraintMath.CodePointLength("a👍b"));
        Assert.Equal(2, ConstraintMath.CodePointLength("\uD800a")); // a lone surrogate counts once, as in SchemaChecks
        Assert.Equal(2, ConstraintMath.CodePointLength("a\uDC00"));
    }

    [Fact]
    public void Pattern_matcher_is_ecma_262_unanchored_and_safe()
    {
        Assert.True(PatternMatcher.IsMatch("[0-9]", "ab1"));
        Assert.False(PatternMatcher.IsMatch("^\\d+$", "\u0661"));
        Assert.True(PatternMatcher.IsMatch("^\\p{L}+$", "Zürich"));
        Assert.Null(PatternMatcher.IsMatch("([a-z", "x"));
    }

    [Fact]
    public void Descriptors_follow_the_catalogue_rules()
    {
        var descriptors = new ContractConstraintAnalyzer().SupportedDiagnostics;
        // CF1009 is the compiler's (through [Obsolete]); the analyzer reports the others.
        Assert.Equal(Enumerable.Range(1001, 10).Where(i => i != 1009).Select(i => "CF" + i), descriptors.Select(d => d.Id));
        Assert.All(descriptors, d =>
        {
            Assert.Equal("ContractFirst.Contract", d.Category);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault);
            Assert.Equal($"https://github.com/contractfirst/contractfirst/blob/main/docs/diagnostics/{d.Id}.md", d.HelpLinkUri);
        });
    }

    [Fact]
    public void Every_diagnostic_has_its_documentation_page()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "docs", "diagnostics");
        foreach (var id in Enumerable.Range(1001, 10).Select(i => "CF" + i))
        {
            var page = Path.Combine(directory, id + ".md");
            Assert.True(File.Exists(page), $"Missing {page}");
            Assert.StartsWith("# " + id, File.ReadAllText(page), StringComparison.Ordinal);
        }
    }
}
