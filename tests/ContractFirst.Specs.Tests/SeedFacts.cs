using System.Collections.Generic;
using System.Linq;
using ContractFirst.Specs.Tests.Infrastructure;

namespace ContractFirst.Specs.Tests;

/// <summary>
/// The seed facts, written here so that the tests need nothing outside the repository. Each spec's table
/// lives in its own file.
/// </summary>
public static partial class SeedFacts
{
    private static readonly IReadOnlyList<SpecFact> AllFacts =
        Miget().Facts.Concat(ClickHouse().Facts).Concat(Bridgeport().Facts).ToList();

    public static IReadOnlyList<SpecFact> All => AllFacts;

    public static IEnumerable<SpecFact> For(string spec) => AllFacts.Where(f => f.Spec == spec);
}
