using System.Diagnostics;
using System.Reflection;

namespace ContractFirst.Http;

/// <summary>Tracing for generated clients: one <see cref="Activity"/> per operation call.</summary>
public static class ContractFirstDiagnostics
{
    /// <summary>The name of the <see cref="ActivitySource"/>: <c>ContractFirst.Client</c> (add it to OpenTelemetry's sources).</summary>
    public const string ActivitySourceName = "ContractFirst.Client";

    /// <summary>The source of the client activities.</summary>
    public static ActivitySource ActivitySource { get; } =
        new(ActivitySourceName, typeof(ContractFirstDiagnostics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
}
