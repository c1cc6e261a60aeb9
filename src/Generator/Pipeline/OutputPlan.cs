using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ContractFirst.Generator.Emit;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Pipeline;

/// <summary>The outputs a spec would add: its namespace and the names of its generated files (one type each).</summary>
internal sealed record OutputClaim(string Path, string Namespace, ImmutableEquatableArray<string> Names);

/// <summary>Outputs of a spec that another item already generates, in the same namespace.</summary>
internal sealed record OutputCollision(string OtherPath, ImmutableEquatableArray<string> Names);

internal sealed record HintOverride(string Name, string HintName);

/// <summary>
/// What one spec may add, given every other item: the outputs it skips (an item earlier by path already generates the
/// same type in the same namespace; reported as CF0009), and hint names changed so that no two differ only in case.
/// </summary>
internal sealed record OutputPlan(ImmutableEquatableArray<OutputCollision> Collisions, ImmutableEquatableArray<HintOverride> Hints)
{
    public static OutputPlan None { get; } = new(ImmutableEquatableArray<OutputCollision>.Empty, ImmutableEquatableArray<HintOverride>.Empty);

    /// <summary>
    /// An item whose types another item already generates is left out whole: its other outputs would refer to the
    /// skipped ones (its JSON and schema classes above all), and half an API that does not compile helps no one.
    /// </summary>
    public bool Skips(string name) => Collisions.Count > 0;

    public string HintFor(string @namespace, string name)
        => Hints.FirstOrDefault(h => h.Name == name)?.HintName ?? HintNames.For(@namespace + "." + name);
}

internal sealed record SpecOutputPlan(string Path, OutputPlan Plan);

internal static class OutputPlanner
{
    /// <summary>Plans every spec's outputs, in path order (the earlier item keeps a contested name).</summary>
    public static ImmutableEquatableArray<SpecOutputPlan> Plan(IEnumerable<OutputClaim> claims)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal); // namespace.name -> path of the item that generates it
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var plans = new List<SpecOutputPlan>();
        foreach (var claim in claims.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            var collisions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var overrides = new List<HintOverride>();
            foreach (var name in claim.Names)
            {
                var fullName = claim.Namespace + "." + name;
                if (owners.TryGetValue(fullName, out var owner) && owner != claim.Path)
                {
                    if (!collisions.TryGetValue(owner, out var names)) collisions[owner] = names = new List<string>();
                    names.Add(name);
                    continue;
                }

                owners[fullName] = claim.Path;
                var hint = HintNames.For(fullName);
                var unique = hint;
                for (var i = 2; !hints.Add(unique); i++)
                {
                    unique = hint.Substring(0, hint.Length - ".g.cs".Length) + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
                }

                if (unique != hint) overrides.Add(new HintOverride(name, unique));
            }

            var plan = collisions.Count == 0 && overrides.Count == 0
                ? OutputPlan.None
                : new OutputPlan(
                    collisions.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new OutputCollision(c.Key, c.Value.ToImmutableEquatableArray())).ToImmutableEquatableArray(),
                    overrides.ToImmutableEquatableArray());
            plans.Add(new SpecOutputPlan(claim.Path, plan));
        }

        return plans.ToImmutableEquatableArray();
    }

    public static OutputPlan For(ImmutableEquatableArray<SpecOutputPlan> plans, string path)
        => plans.FirstOrDefault(p => p.Path == path)?.Plan ?? OutputPlan.None;
}

/// <summary>Hint names allow a limited alphabet; anything else is replaced and a hash keeps the name unique.</summary>
internal static class HintNames
{
    public static string For(string name)
    {
        var builder = new StringBuilder(name.Length + 5);
        var replaced = false;
        foreach (var ch in name)
        {
            if (ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_')
            {
                builder.Append(ch);
            }
            else
            {
                builder.Append('_');
                replaced = true;
            }
        }

        if (replaced)
        {
            unchecked
            {
                var hash = 23;
                foreach (var ch in name) hash = hash * 31 + ch;
                builder.Append('_').Append(((uint)hash).ToString("x8"));
            }
        }

        return builder.Append(".g.cs").ToString();
    }
}
