using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractFirst.Specs.Tests.Infrastructure;

/// <summary>
/// One fact that a spec must state: at <see cref="Pointer"/>, <see cref="Keyword"/> has the value
/// <see cref="Expected"/>. The comparison depends on the keyword and on the CLR type of the expectation:
/// <list type="bullet">
/// <item><c>exists</c> / <c>absent</c>: the pointer resolves / does not resolve;</item>
/// <item><c>description</c>: the description contains the expected text;</item>
/// <item><c>enum</c> with a string: the enum lists that string value;
///   <c>enum</c> with a string array: the enum is exactly those string values, in that order;</item>
/// <item><c>required</c> or <c>properties</c> with a string array: exactly that set of names;</item>
/// <item>anything else: the keyword's value equals the expectation and has its JSON kind
///   (a C# string must be a JSON string, a number a JSON number, a bool a JSON boolean);
///   a null expectation means the keyword is absent.</item>
/// </list>
/// </summary>
public sealed record SpecFact(string Spec, string Pointer, string Keyword, object? Expected)
{
    public override string ToString() =>
        $"{Spec} {Pointer} {Keyword} = {Format(Expected)}";

    private static string Format(object? value) => value switch
    {
        null => "(absent)",
        string s => $"\"{s}\"",
        string[] a => "[" + string.Join(", ", a.Select(s => $"\"{s}\"")) + "]",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Checks this fact against <paramref name="document"/>; null when it holds, else why not.</summary>
    public string? Check(JsonNode document)
    {
        var found = JsonPointer.TryResolve(document, Pointer, out var node);
        switch (Keyword)
        {
            case "exists":
                return found ? null : $"{Pointer} does not exist";
            case "absent":
                return found ? $"{Pointer} exists but must not" : null;
        }

        if (!found)
        {
            return $"{Pointer} does not exist";
        }

        if (node is not JsonObject obj)
        {
            return $"{Pointer} is not an object";
        }

        obj.TryGetPropertyValue(Keyword, out var actual);
        var hasKeyword = obj.ContainsKey(Keyword);

        switch (Keyword, Expected)
        {
            case ("description", string text):
                return actual is JsonValue v && v.GetValueKind() == JsonValueKind.String
                       && v.GetValue<string>().Contains(text, StringComparison.Ordinal)
                    ? null
                    : $"description at {Pointer} does not contain \"{text}\" (it is {Show(actual)})";

            case ("enum", string value):
                return actual is JsonArray values && values.Any(e => IsString(e, value))
                    ? null
                    : $"enum at {Pointer} does not list the string \"{value}\" (it is {Show(actual)})";

            case ("enum", string[] exact):
                return actual is JsonArray list && list.Count == exact.Length
                       && list.Zip(exact).All(pair => IsString(pair.First, pair.Second))
                    ? null
                    : $"enum at {Pointer} is {Show(actual)}, expected exactly [{string.Join(", ", exact)}]";

            case ("required", string[] names):
            {
                var declared = actual is JsonArray req
                    ? req.Select(e => e is JsonValue ev && ev.GetValueKind() == JsonValueKind.String ? ev.GetValue<string>() : "<non-string>").ToList()
                    : new List<string>();
                return SameSet(declared, names, out var diff) ? null : $"required at {Pointer}: {diff}";
            }

            case ("properties", string[] names):
            {
                var declared = actual is JsonObject props ? props.Select(p => p.Key).ToList() : new List<string>();
                return SameSet(declared, names, out var diff) ? null : $"properties at {Pointer}: {diff}";
            }

            case (_, null):
                return hasKeyword ? $"{Keyword} at {Pointer} must be absent but is {Show(actual)}" : null;
        }

        if (!hasKeyword)
        {
            return $"{Keyword} is missing at {Pointer}";
        }

        return ScalarEquals(actual, Expected)
            ? null
            : $"{Keyword} at {Pointer} is {Show(actual)}, expected {Format(Expected)}";
    }

    private static bool IsString(JsonNode? node, string value) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == value;

    private static bool ScalarEquals(JsonNode? actual, object expected)
    {
        if (actual is not JsonValue value)
        {
            return false;
        }

        var kind = value.GetValueKind();
        return expected switch
        {
            string s => kind == JsonValueKind.String && value.GetValue<string>() == s,
            bool b => kind == (b ? JsonValueKind.True : JsonValueKind.False),
            int or long or double or decimal or float =>
                kind == JsonValueKind.Number
                && decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == System.Convert.ToDecimal(expected, CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"Unsupported expectation type {expected.GetType()}."),
        };
    }

    private static bool SameSet(IReadOnlyCollection<string> actual, IReadOnlyCollection<string> expected, out string difference)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        var duplicates = actual.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        difference = $"missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}], duplicated [{string.Join(", ", duplicates)}]";
        return missing.Count == 0 && extra.Count == 0 && duplicates.Count == 0;
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "(absent)";
}
