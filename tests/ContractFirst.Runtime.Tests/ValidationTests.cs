using ContractFirst.Validation;

namespace ContractFirst.Runtime.Tests;

public class ValidationTests
{
    private static ValidationContext Check(Action<ValidationContext> check)
    {
        var ctx = new ValidationContext();
        check(ctx);
        return ctx;
    }

    [Theory]
    [InlineData(0.3, "0.1")]
    [InlineData(0.7, "0.1")]
    [InlineData(1.1, "0.1")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(36.0, "12")]
    [InlineData(-24.0, "12")]
    [InlineData(0.0, "0.01")]
    [InlineData(19.99, "0.01")]
    public void MultipleOf_is_exact_in_decimal(double value, string divisor)
    {
        Assert.False(Check(c => SchemaChecks.MultipleOf(c, "", "x", value, decimal.Parse(divisor, System.Globalization.CultureInfo.InvariantCulture))).HasErrors);
    }

    /// <summary>
    /// Integral values and divisors take a 64-bit shortcut below 2^53; these pin it to the exact decimal answer on both
    /// sides of each edge (negative values, the 2^53 boundary, divisors with a scale, long values beyond 2^53).
    /// </summary>
    [Theory]
    [InlineData(48.0, "12", false)]
    [InlineData(50.0, "12", true)]
    [InlineData(-36.0, "12", false)]
    [InlineData(-30.0, "12", true)]
    [InlineData(9007199254740984.0, "12", false)] // the largest multiple of 12 below 2^53
    [InlineData(9007199254740988.0, "12", true)] // 2^53 - 4 is 4 (mod 12)
    [InlineData(9007199254740992.0, "2", false)] // 2^53: past the shortcut, decided exactly
    [InlineData(9007199254740994.0, "3", true)]
    [InlineData(36.0, "12.0", false)] // a divisor with a scale skips the shortcut
    [InlineData(36.5, "12", true)]
    public void MultipleOf_integer_shortcut_agrees_with_the_exact_check(double value, string divisor, bool fails)
    {
        decimal d = decimal.Parse(divisor, System.Globalization.CultureInfo.InvariantCulture);
        // (decimal)double keeps only 15 significant digits; the shortest round-trip text is the value the wire carries.
        decimal wire = decimal.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        bool exact = wire % d != 0m;
        Assert.Equal(fails, exact);
        Assert.Equal(fails, Check(c => SchemaChecks.MultipleOf(c, "", "x", value, d)).HasErrors);
        if (value == Math.Floor(value))
        {
            Assert.Equal(fails, Check(c => SchemaChecks.MultipleOf(c, "", "x", (long)value, d)).HasErrors);
        }
    }

    [Fact]
    public void Min_and_max_properties_count_the_entries_of_a_map()
    {
        Assert.False(Check(c => SchemaChecks.MaxProperties(c, "body.", "tags", 3, 3)).HasErrors);
        ValidationError tooMany = Assert.Single(Check(c => SchemaChecks.MaxProperties(c, "body.", "tags", 4, 3)).Errors);
        Assert.Equal(("body.tags", "maxProperties", "must have at most 3 properties (has 4)"), (tooMany.Field, tooMany.Keyword, tooMany.Message));
        Assert.False(Check(c => SchemaChecks.MinProperties(c, "", "tags", 1, 1)).HasErrors);
        ValidationError tooFew = Assert.Single(Check(c => SchemaChecks.MinProperties(c, "", "tags", 0, 1)).Errors);
        Assert.Equal(("tags", "minProperties", "must have at least 1 property (has 0)"), (tooFew.Field, tooFew.Keyword, tooFew.Message));
    }

    [Fact]
    public void MultipleOf_names_the_nearest_multiples()
    {
        ValidationError error = Assert.Single(Check(c => SchemaChecks.MultipleOf(c, "body.", "minTotalMemoryGb", 30L, 12m)).Errors);
        Assert.Equal("body.minTotalMemoryGb", error.Field);
        Assert.Equal("multipleOf", error.Keyword);
        Assert.StartsWith("must be a multiple of 12 (nearest multiples: 24 and 36", error.Message);

        Assert.Contains("nearest multiples: 0.3 and 0.4", Check(c => SchemaChecks.MultipleOf(c, "", "x", 0.35, 0.1m)).Errors[0].Message);
        Assert.Contains("nearest multiples: -36 and -24", Check(c => SchemaChecks.MultipleOf(c, "", "x", -30m, 12m)).Errors[0].Message);
        Assert.Equal((24m, 36m), SchemaChecks.NearestMultiples(30m, 12m));

        // The check knows nothing of minimum/maximum, so it never calls its neighbours "valid" (0 and 12 may be below a minimum of 24).
        Assert.DoesNotContain("valid", Check(c => SchemaChecks.MultipleOf(c, "", "x", 10L, 12m)).Errors[0].Message);
    }

    [Fact]
    public void MultipleOf_rejects_what_is_not_a_multiple_even_if_close()
    {
        Assert.True(Check(c => SchemaChecks.MultipleOf(c, "", "x", 0.30000000000000004, 0.1m)).HasErrors);
        Assert.True(Check(c => SchemaChecks.MultipleOf(c, "", "x", 1e-40, 0.1m)).HasErrors);
        Assert.True(Check(c => SchemaChecks.MultipleOf(c, "", "x", double.NaN, 1m)).HasErrors);
    }

    [Fact]
    public void MultipleOf_beyond_decimal_range_falls_back_to_floating_point()
    {
        Assert.False(Check(c => SchemaChecks.MultipleOf(c, "", "x", 1e300, 12m)).HasErrors);
        Assert.False(Check(c => SchemaChecks.MultipleOf(c, "", "x", -1e300, 0.5m)).HasErrors);
        Assert.False(Check(c => SchemaChecks.MultipleOf(c, "", "x", decimal.MaxValue, 0.0000001m)).HasErrors);
        Assert.True(Check(c => SchemaChecks.MultipleOf(c, "", "x", double.PositiveInfinity, 12m)).HasErrors);
    }

    [Fact]
    public void Nearest_multiples_come_from_the_exact_remainder_as_in_the_analyzer()
    {
        // 2.9999999999999999999999999999 / 3 rounds to 1 in decimal: flooring that quotient gave 3 and 6, neither below the value.
        const decimal value = 2.9999999999999999999999999999m;
        Assert.Equal((0m, 3m), SchemaChecks.NearestMultiples(value, 3m));
        Assert.Contains("nearest multiples: 0 and 3;", Check(c => SchemaChecks.MultipleOf(c, "", "x", value, 3m)).Errors[0].Message);
        Assert.Equal((36m, 36m), SchemaChecks.NearestMultiples(36m, 12m));
        Assert.Equal((-36m, -24m), SchemaChecks.NearestMultiples(-30m, 12m));
    }

    [Fact]
    public void Doubles_are_checked_as_they_go_on_the_wire_as_in_the_analyzer()
    {
        // The analyzer once read doubles with 15 significant digits (24.000000000000004 as 24, 1e-40 as 0); both now read
        // the shortest round-trip value, as the server receives it.
        Assert.Contains("nearest multiples: 24 and 36; was 24.000000000000004", Check(c => SchemaChecks.MultipleOf(c, "", "x", 24.000000000000004, 12m)).Errors[0].Message);
        Assert.True(Check(c => SchemaChecks.Maximum(c, "", "x", 720.0000000000001, 720, false)).HasErrors);
        Assert.False(Check(c => SchemaChecks.Minimum(c, "", "x", 1e-40, 0, true)).HasErrors);
        Assert.True(Check(c => SchemaChecks.MultipleOf(c, "", "x", 1e-40, 12m)).HasErrors);
    }

    /// <summary>
    /// A float goes on the wire in its shortest round-trip form (0.1f as "0.1"), so the checks judge that number, not the
    /// widened double 0.10000000149011612 (which is no multiple of 0.1 and above a maximum of 0.1). Both overload
    /// families: the whole field and (path, name).
    /// </summary>
    [Theory]
    [InlineData(0.1f, false)]
    [InlineData(0.3f, false)]
    [InlineData(0.7f, false)]
    [InlineData(-0.2f, false)]
    [InlineData(1e10f, false)]
    [InlineData(0.35f, true)]
    [InlineData(0.15f, true)]
    [InlineData(float.NaN, true)]
    [InlineData(float.PositiveInfinity, true)]
    public void Floats_are_multiples_as_they_go_on_the_wire(float value, bool fails)
    {
        Assert.Equal(fails, Check(c => SchemaChecks.MultipleOf(c, "", "x", value, 0.1m)).HasErrors);
        Assert.Equal(fails, Check(c => SchemaChecks.MultipleOf(c, "body.", "x", value, 0.1m)).HasErrors);
    }

    [Fact]
    public void Floats_are_bounded_as_they_go_on_the_wire()
    {
        foreach (var exclusive in new[] { false, true })
        {
            // 0.1f is 0.1 on the wire: within maximum/minimum 0.1, and exactly at an exclusive bound (so it fails that).
            Assert.Equal(exclusive, Check(c => SchemaChecks.Maximum(c, "", "x", 0.1f, 0.1, exclusive)).HasErrors);
            Assert.Equal(exclusive, Check(c => SchemaChecks.Maximum(c, "body.", "x", 0.1f, 0.1, exclusive)).HasErrors);
            Assert.Equal(exclusive, Check(c => SchemaChecks.Minimum(c, "", "x", 0.1f, 0.1, exclusive)).HasErrors);
            Assert.Equal(exclusive, Check(c => SchemaChecks.Minimum(c, "body.", "x", 0.1f, 0.1, exclusive)).HasErrors);
        }

        Assert.Equal("must be <= 0.1 (was 0.35)", Check(c => SchemaChecks.Maximum(c, "", "x", 0.35f, 0.1, false)).Errors[0].Message);
        Assert.Equal("body.x", Check(c => SchemaChecks.Minimum(c, "body.", "x", 0.05f, 0.1, false)).Errors[0].Field);
        Assert.False(Check(c => SchemaChecks.Minimum(c, "", "x", 0.3f, 0.3, false)).HasErrors); // widened, 0.3f is 0.30000001192092896
        Assert.True(Check(c => SchemaChecks.Maximum(c, "", "x", float.NaN, 1, false)).HasErrors);
        Assert.True(Check(c => SchemaChecks.Minimum(c, "body.", "x", float.NaN, 0, false)).HasErrors);
        Assert.True(Check(c => SchemaChecks.Maximum(c, "", "x", float.PositiveInfinity, 1, false)).HasErrors);
        Assert.False(Check(c => SchemaChecks.Maximum(c, "", "x", float.NegativeInfinity, 1, false)).HasErrors);
    }

    [Fact]
    public void Integers_against_a_fractional_bound_are_not_rounded_to_float()
    {
        // 16777217 is not a float (it rounds to 16777216): an int or long argument must not pick the float overloads.
        Assert.True(Check(c => SchemaChecks.Maximum(c, "", "x", 16777217, 16777216.5, false)).HasErrors);
        Assert.True(Check(c => SchemaChecks.Maximum(c, "body.", "x", 16777217L, 16777216.5, false)).HasErrors);
        Assert.True(Check(c => SchemaChecks.Minimum(c, "", "x", 16777216L, 16777216.5, false)).HasErrors);
        Assert.False(Check(c => SchemaChecks.Minimum(c, "body.", "x", 16777217, 16777216.5, false)).HasErrors);
    }

    [Fact]
    public void Minimum_and_maximum_name_the_bound()
    {
        Assert.Equal("must be >= 24 (was 12)", Check(c => SchemaChecks.Minimum(c, "", "x", 12, 24, false)).Errors[0].Message);
        Assert.Equal("must be > 24 (was 24)", Check(c => SchemaChecks.Minimum(c, "", "x", 24L, 24L, true)).Errors[0].Message);
        Assert.Equal("exclusiveMinimum", Check(c => SchemaChecks.Minimum(c, "", "x", 24L, 24L, true)).Errors[0].Keyword);
        Assert.False(Check(c => SchemaChecks.Minimum(c, "", "x", 24, 24, false)).HasErrors);
        Assert.Equal("must be <= 0.5 (was 0.6)", Check(c => SchemaChecks.Maximum(c, "", "x", 0.6, 0.5, false)).Errors[0].Message);
        Assert.Equal("must be < 10 (was 10)", Check(c => SchemaChecks.Maximum(c, "", "x", 10m, 10m, true)).Errors[0].Message);
        Assert.True(Check(c => SchemaChecks.Maximum(c, "", "x", double.NaN, 1, false)).HasErrors);
        Assert.False(Check(c => SchemaChecks.Maximum(c, "", "x", 9.99m, 10m, true)).HasErrors);
    }

    [Theory]
    [InlineData("^[a-z]+$", "abc", true)]
    [InlineData("^[a-z]+$", "abc\n", false)] // ECMA '$' is the end of input only
    [InlineData("[0-9]{3}", "ab123cd", true)] // unanchored
    [InlineData("^\\d+$", "١٢٣", false)] // ECMA \d is ASCII
    [InlineData("^\\p{L}+$", "héllo", true)] // not accepted under RegexOptions.ECMAScript: .NET fallback
    [InlineData("^\\p{L}+\\d$", "héllo٣", false)] // fallback keeps \d ASCII
    [InlineData("(?<=@)example\\.com", "me@example.com", true)] // lookbehind
    [InlineData("^(?<user>[a-z]+)@", "bob@x", true)] // named group
    [InlineData("^[\\w-]+$", "under_score-dash", true)]
    [InlineData("^[^$]+$", "a$b", false)] // '$' inside a class stays literal
    public void Pattern_uses_ECMA_semantics_unanchored(string pattern, string value, bool valid)
    {
        var ctx = Check(c => SchemaChecks.Pattern(c, "", "name", value, pattern));
        Assert.Equal(valid, !ctx.HasErrors);
        if (!valid)
        {
            Assert.Equal("must match the pattern " + pattern, ctx.Errors[0].Message);
            Assert.DoesNotContain(value, ctx.Errors[0].Message);
        }
    }

    [Fact]
    public void Pattern_regexes_are_cached_and_have_a_timeout()
    {
        Assert.Same(EcmaRegex.Get("^a+$"), EcmaRegex.Get("^a+$"));
        Assert.Equal(EcmaRegex.MatchTimeout, EcmaRegex.Get("^a+$").MatchTimeout);
        Assert.Throws<ArgumentException>(() => EcmaRegex.Get("(unclosed"));
    }

    [Fact]
    public void Lengths_count_code_points()
    {
        const string emoji = "😀😀😀"; // three code points, six UTF-16 units
        Assert.Equal(3, SchemaChecks.CodePointLength(emoji));
        Assert.False(Check(c => SchemaChecks.MaxLength(c, "", "x", emoji, 3)).HasErrors);
        Assert.True(Check(c => SchemaChecks.MinLength(c, "", "x", emoji, 4)).HasErrors);
        Assert.Equal("must be at least 4 characters long (is 3)", Check(c => SchemaChecks.MinLength(c, "", "x", emoji, 4)).Errors[0].Message);
        Assert.Equal("must be at most 1 character long (is 2)", Check(c => SchemaChecks.MaxLength(c, "", "x", "ab", 1)).Errors[0].Message);
        Assert.Equal(2, SchemaChecks.CodePointLength("\uD800a")); // a lone surrogate counts once
        Assert.False(Check(c => SchemaChecks.MaxLength(c, "", "x", "\uD800\uDC00\uD800", 2)).HasErrors); // as in the analyzer (CF1005)
        Assert.Equal("must be at most 2 characters long (is 3)", Check(c => SchemaChecks.MaxLength(c, "", "x", "a\uD800\uDC00\uD800", 2)).Errors[0].Message);
        Assert.False(Check(c => SchemaChecks.MinLength(c, "", "x", null, 4)).HasErrors);
    }

    [Fact]
    public void Items_unique_and_required()
    {
        Assert.Equal("must have at least 1 item (has 0)", Check(c => SchemaChecks.MinItems(c, "", "tags", 0, 1)).Errors[0].Message);
        Assert.Equal("must have at most 2 items (has 3)", Check(c => SchemaChecks.MaxItems(c, "", "tags", 3, 2)).Errors[0].Message);
        Assert.Contains("item 2 repeats item 0", Check(c => SchemaChecks.UniqueItems(c, "", "tags", new[] { "a", "b", "a" })).Errors[0].Message);
        Assert.Contains("item 2 repeats item 1", Check(c => SchemaChecks.UniqueItems(c, "", "tags", new string?[] { "a", null, null })).Errors[0].Message);
        Assert.False(Check(c => SchemaChecks.UniqueItems(c, "", "tags", new[] { 1, 2, 3 })).HasErrors);
        Assert.True(Check(c => SchemaChecks.UniqueItems(c, "", "svc", new[] { new Service { Name = "a", Tier = "x" }, new Service { Name = "a", Tier = "x" } })).HasErrors);
        Assert.Equal(new ValidationError("body.name", "required", "is required"), Check(c => SchemaChecks.Required(c, "body.", "name", false)).Errors[0]);
    }

    [Fact]
    public void Enum_lists_the_known_values()
    {
        ValidationError error = Check(c => SchemaChecks.Enum(c, "body.", "tier", (Tier)"produciton")).Errors[0];
        Assert.Equal("must be one of: development, production (was 'produciton')", error.Message);
        Assert.Equal("enum", error.Keyword);
        Assert.False(Check(c => SchemaChecks.Enum(c, "", "t", Tier.Production)).HasErrors);
        Assert.False(Check(c => SchemaChecks.Enum(c, "", "t", (Tier?)null)).HasErrors);
        Assert.True(Check(c => SchemaChecks.Enum(c, "", "t", (Tier?)"nope")).HasErrors);
        Assert.True(Check(c => SchemaChecks.Enum(c, "", "t", default(Tier))).HasErrors);
        Assert.Equal("must be one of: 1, 2, 3 (was '9')", Check(c => SchemaChecks.IntEnum(c, "", "p", new Priority(9))).Errors[0].Message);
        Assert.Equal("must be one of: a, b (was 'c')", Check(c => SchemaChecks.Enum(c, "", "s", "c", ["a", "b"])).Errors[0].Message);
    }

    private sealed class Inner : IValidatable
    {
        public int Size { get; init; }
        public void Validate(ValidationContext context, string path) => SchemaChecks.Minimum(context, path, "size", Size, 1, false);
    }

    [Fact]
    public void Nested_items_and_values_get_paths()
    {
        var ctx = new ValidationContext();
        SchemaChecks.Nested(ctx, "body.", "spec", new Inner { Size = 0 });
        SchemaChecks.Items(ctx, "body.", "parts", new[] { new Inner { Size = 1 }, null, new Inner { Size = 0 } });
        SchemaChecks.Values(ctx, "", "byName", new Dictionary<string, Inner?> { ["a"] = new Inner { Size = -1 } });
        Assert.Equal(["body.spec.size", "body.parts[2].size", "byName[a].size"], ctx.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Checks_name_the_field_path_plus_name()
    {
        // What generated code calls: the field is path + name, joined only when the check fails.
        var ctx = new ValidationContext();
        SchemaChecks.Minimum(ctx, "body.", "minD", 1d, 2d, false);
        SchemaChecks.Minimum(ctx, "body.", "minL", 1L, 2L, true);
        SchemaChecks.Minimum(ctx, "body.", "minM", 1m, 2m, false);
        SchemaChecks.Maximum(ctx, "body.", "maxD", 3d, 2d, false);
        SchemaChecks.Maximum(ctx, "body.", "maxL", 3L, 2L, false);
        SchemaChecks.Maximum(ctx, "body.", "maxM", 2m, 2m, true);
        SchemaChecks.MultipleOf(ctx, "body.", "mulD", 30d, 12m);
        SchemaChecks.MultipleOf(ctx, "body.", "mulL", 30L, 12m);
        SchemaChecks.MultipleOf(ctx, "body.", "mulM", 30m, 12m);
        SchemaChecks.Pattern(ctx, "body.", "pattern", "abc", "^x");
        SchemaChecks.MinLength(ctx, "body.", "minLength", "a", 2);
        SchemaChecks.MaxLength(ctx, "body.", "maxLength", "abc", 2);
        SchemaChecks.MinItems(ctx, "body.", "minItems", 0, 1);
        SchemaChecks.MaxItems(ctx, "body.", "maxItems", 2, 1);
        SchemaChecks.UniqueItems(ctx, "body.", "unique", new[] { 1, 1 });
        SchemaChecks.Enum(ctx, "body.", "tier", new Tier("gold"));
        SchemaChecks.Enum(ctx, "body.", "tierOpt", (Tier?)new Tier("gold"));
        SchemaChecks.Enum(ctx, "body.", "text", "c", new[] { "a", "b" });
        SchemaChecks.IntEnum(ctx, "body.", "priority", new Priority(9));
        SchemaChecks.Required(ctx, "body.", "name", false);
        SchemaChecks.Required(ctx, "", "top", false);
        Assert.Equal(
            ["body.minD", "body.minL", "body.minM", "body.maxD", "body.maxL", "body.maxM", "body.mulD", "body.mulL", "body.mulM",
             "body.pattern", "body.minLength", "body.maxLength", "body.minItems", "body.maxItems", "body.unique", "body.tier",
             "body.tierOpt", "body.text", "body.priority", "body.name", "top"],
            ctx.Errors.Select(e => e.Field));

        // The whole field as the name, with an empty path: the same field, keyword and message.
        var whole = new ValidationContext();
        SchemaChecks.MultipleOf(whole, "", "body.mulL", 30L, 12m);
        SchemaChecks.Enum(whole, "", "body.tier", new Tier("gold"));
        Assert.Equal(whole.Errors[0], ctx.Errors[7]);
        Assert.Equal(whole.Errors[1], ctx.Errors[15]);
    }

    [Fact]
    public void Passing_path_and_name_checks_allocate_nothing()
    {
        var ctx = new ValidationContext();
        void Run()
        {
            SchemaChecks.Required(ctx, "body.", "name", true);
            SchemaChecks.Minimum(ctx, "body.", "min", 48d, 24d, false);
            SchemaChecks.Maximum(ctx, "body.", "max", 48d, 720d, false);
            SchemaChecks.MultipleOf(ctx, "body.", "mul", 48d, 12m);
            SchemaChecks.MultipleOf(ctx, "body.", "mulL", 48L, 12m);
            SchemaChecks.MaxLength(ctx, "body.", "text", "abc", 10);
            SchemaChecks.Enum(ctx, "body.", "tier", Tier.Production);
            SchemaChecks.IntEnum(ctx, "body.", "priority", new Priority(2));
        }

        Run(); // warm up (JIT, static constructors)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.False(ctx.HasErrors);
    }

    [Fact]
    public void RequestValidationException_names_the_first_field_and_lists_all()
    {
        var ctx = new ValidationContext();
        SchemaChecks.Required(ctx, "body.", "name", false);
        SchemaChecks.MultipleOf(ctx, "body.", "memory", 30L, 12m);
        var ex = Assert.Throws<RequestValidationException>(ctx.ThrowIfInvalid);
        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal("body.name", ex.ParamName);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("body.name is required", ex.Message);
        Assert.Contains("body.memory must be a multiple of 12 (nearest multiples: 24 and 36", ex.Message);
        new ValidationContext().ThrowIfInvalid(); // no errors: no throw
    }
}
